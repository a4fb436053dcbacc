using Alba;
using Octans.Api.Demo;
using Octans.Api.Problems.Reporting;
using Octans.Api.ReferenceData;
using Octans.Domain;

namespace Octans.Api.Tests.Problems;

/// <summary>
/// Problems with a history, written straight to the event store through the domain's own decisions, so read-side
/// tests need no write routes. Every command must be accepted, as it would have been over HTTP.
/// </summary>
public static class GivenProblems
{
    public static Actor Coordinator { get; } = ActorFor(ProblemsApi.Coordinator);
    public static Actor Lighting { get; } = ActorFor(ProblemsApi.Lighting);

    /// <summary>An area of its own, so counts and lists scoped to it hold only what the test made.</summary>
    public static async Task<Area> GivenArea(this AppFixture app)
    {
        var unique = Guid.NewGuid().ToString("N");
        var area = new Area { Id = "T" + unique[..7].ToUpperInvariant(), Name = $"Testing Zone {unique}" };
        await using var session = app.Store.LightweightSession();
        session.Insert(area);
        await session.SaveChangesAsync();
        return area;
    }

    public static async Task<GivenProblem> GivenProblem(this AppFixture app, string title, Area? area = null,
        string category = "Street lighting", Risk risk = Risk.Medium, string? statement = null, string? location = null,
        DateTimeOffset? at = null, (double Latitude, double Longitude)? pin = null, string? ward = null)
    {
        area ??= Area.HighTown;
        var id = Guid.CreateVersion7();
        await using var session = app.Store.LightweightSession();
        var reference = await ProblemReferences.NextAsync(session, area.Id, CancellationToken.None);
        var history = ProblemHistory.Report(
            new ReportProblem(id, reference, title, statement ?? $"{title}: reported by residents at the ward surgery.", category, area.Name, risk,
                new Location(location ?? "Wenlock Street, High Town", pin?.Latitude, pin?.Longitude, null, null, ward)),
            Coordinator, at ?? app.Clock.GetUtcNow());
        session.Events.StartStream<Problem>(id, [.. history.Events]);
        await session.SaveChangesAsync();
        return new GivenProblem(app, history);
    }

    private static Actor ActorFor(string email) =>
        DemoAccounts.All.Single(a => a.Email == email) is var user ? new Actor(user.Id, user.Name) : throw new InvalidOperationException();
}

/// <summary>One problem written through <see cref="ProblemHistory"/>: each step is decided against its current state and appended.</summary>
public sealed class GivenProblem(AppFixture app, ProblemHistory history)
{
    public Problem State => history.Problem;
    public Guid Id => history.ProblemId;
    public int Version => history.Problem.Version;
    public string Reference => history.Problem.Reference;

    /// <summary>Decides <paramref name="command"/> at <paramref name="at"/> (now by default) and appends its events.</summary>
    public async Task<GivenProblem> Then(IProblemCommand command, DateTimeOffset? at = null, Actor? by = null)
    {
        var before = history.Events.Count;
        history.Then(command, by ?? GivenProblems.Coordinator, at ?? app.Clock.GetUtcNow());
        await using var session = app.Store.LightweightSession();
        session.Events.Append(history.ProblemId, history.Problem.Version, [.. history.Events.Skip(before)]);
        await session.SaveChangesAsync();
        return this;
    }

    /// <summary>Plans an action and answers its id. A due date in the past needs an <paramref name="at"/> before it.</summary>
    public async Task<Guid> Plan(string description, Guid teamId, DateOnly dueOn, DateTimeOffset? at = null, Phase? phase = null)
    {
        var actionId = Guid.CreateVersion7();
        await Then(new PlanAction(actionId, description, teamId, dueOn, phase), at);
        return actionId;
    }
}

/// <summary>The reads the read-side tests make, checking the status code each answers with.</summary>
public static class Reads
{
    public static async Task<IScenarioResult> Get(this AppFixture app, string url, string email = ProblemsApi.Coordinator, int status = 200)
    {
        var token = await app.TokenFor(email);
        return await app.Host.Scenario(s =>
        {
            s.Get.Url(url);
            s.WithBearerToken(token);
            s.StatusCodeShouldBe(status);
        });
    }

    public static async Task<T> Get<T>(this AppFixture app, string url, string email = ProblemsApi.Coordinator) =>
        (await (await app.Get(url, email)).ReadAsJsonAsync<T>())!;

}
