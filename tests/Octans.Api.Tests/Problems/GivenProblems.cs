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
        DateTimeOffset? at = null)
    {
        area ??= Area.HighTown;
        var id = Guid.CreateVersion7();
        await using var session = app.Store.LightweightSession();
        var reference = await ProblemReferences.NextAsync(session, area.Id, CancellationToken.None);
        var decision = ProblemDecisions.Decide(
            new ReportProblem(id, reference, title, statement ?? $"{title}: reported by residents at the ward surgery.", category, area.Name, risk,
                new Location(location ?? "Wenlock Street, High Town", null, null, null, null, null)),
            Coordinator, at ?? app.Clock.GetUtcNow());
        decision.IsRefused.ShouldBeFalse(decision.Detail);
        session.Events.StartStream<Problem>(id, [.. decision.Events]);
        await session.SaveChangesAsync();
        return new GivenProblem(app, Problem.Replay(decision.Events));
    }

    private static Actor ActorFor(string email) =>
        DemoAccounts.All.Single(a => a.Email == email) is var user ? new Actor(user.Id, user.Name) : throw new InvalidOperationException();
}

/// <summary>One problem written through the domain: each step is decided against its current state and appended.</summary>
public sealed class GivenProblem(AppFixture app, Problem state)
{
    public Problem State => state;
    public Guid Id => state.Id;
    public int Version => state.Version;
    public string Reference => state.Reference;

    /// <summary>Decides <paramref name="command"/> at <paramref name="at"/> (now by default) and appends its events.</summary>
    public async Task<GivenProblem> Then(object command, DateTimeOffset? at = null, Actor? by = null)
    {
        var decision = Decide(command, by ?? GivenProblems.Coordinator, at ?? app.Clock.GetUtcNow());
        decision.IsRefused.ShouldBeFalse(decision.Detail);
        await using var session = app.Store.LightweightSession();
        session.Events.Append(state.Id, state.Version + decision.Events.Count, [.. decision.Events]);
        await session.SaveChangesAsync();
        foreach (var e in decision.Events)
        {
            state.Play(e);
            state.Version++;
        }
        return this;
    }

    /// <summary>Plans an action and answers its id. A due date in the past needs an <paramref name="at"/> before it.</summary>
    public async Task<Guid> Plan(string description, Guid teamId, DateOnly dueOn, DateTimeOffset? at = null, Phase? phase = null)
    {
        var actionId = Guid.CreateVersion7();
        await Then(new PlanAction(actionId, description, teamId, dueOn, phase), at);
        return actionId;
    }

    private Decision Decide(object command, Actor by, DateTimeOffset now) => command switch
    {
        ReviseDetails c => ProblemDecisions.Decide(state, c, by, now),
        PlanAction c => ProblemDecisions.Decide(state, c, by, now),
        CompleteAction c => ProblemDecisions.Decide(state, c, by, now),
        ReopenAction c => ProblemDecisions.Decide(state, c, by, now),
        CancelAction c => ProblemDecisions.Decide(state, c, by, now),
        ReassignAction c => ProblemDecisions.Decide(state, c, by, now),
        RescheduleAction c => ProblemDecisions.Decide(state, c, by, now),
        AddNote c => ProblemDecisions.Decide(state, c, by, now),
        AddExitCriterion c => ProblemDecisions.Decide(state, c, by, now),
        MeetExitCriterion c => ProblemDecisions.Decide(state, c, by, now),
        RecordReview c => ProblemDecisions.Decide(state, c, by, now),
        LogRecurrence c => ProblemDecisions.Decide(state, c, by, now),
        AdvancePhase c => ProblemDecisions.Decide(state, c, by, now),
        RevertPhase c => ProblemDecisions.Decide(state, c, by, now),
        CloseProblem c => ProblemDecisions.Decide(state, c, by, now),
        ReopenProblem c => ProblemDecisions.Decide(state, c, by, now),
        _ => throw new ArgumentException($"{command.GetType().Name} is not a command on a problem.", nameof(command)),
    };
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
