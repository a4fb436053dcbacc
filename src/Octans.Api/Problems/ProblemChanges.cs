using System.Security.Claims;
using JasperFx;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Octans.Api.Observing;
using Octans.Api.Problems.Listing;
using Octans.Api.ReferenceData;
using Octans.Api.Setup;
using Octans.Api.Setup.Idempotency;
using Octans.Api.SigningIn;
using Octans.Domain;

namespace Octans.Api.Problems;

/// <summary>A write that commits with a change to a problem, in its session; a refusal stops both.</summary>
public delegate Task<ProblemDetails?> Alongside(IDocumentSession session, CancellationToken cancellation);

/// <summary>A mistake in a change's answers that the domain cannot see, such as a date that is not a date.</summary>
public sealed record FieldError(string Field, string Message);

/// <summary>
/// What became of a change: accepted with the problem's new <see cref="Version"/>, or refused with the answer to give
/// (<see cref="Refusal"/>, whose status says why: 400, 403, 404 or 409). <see cref="Problem"/> is the problem as the
/// refused change found it (the latest, after a conflict), when it exists.
/// </summary>
public sealed record ChangeOutcome(Problem? Problem, ProblemDetails? Refusal, int Version = 0)
{
    /// <summary>After a conflict on the pages: the changes made since the person's version that their command depends on.</summary>
    public IReadOnlyList<IProblemEvent> Since { get; init; } = [];

    public bool Accepted => Refusal is null;
    public int Status => Refusal?.Status ?? 200;

    /// <summary>The messages per field of a refusal for bad answers; empty otherwise.</summary>
    public IDictionary<string, string[]> Errors => (Refusal as HttpValidationProblemDetails)?.Errors ?? new Dictionary<string, string[]>();
}

/// <summary>
/// The one way to change a problem, for the API and the pages alike: who may, the problem as its decisions see it, the
/// version the person last saw, the answers only the database can check, the domain's decision, and the events appended
/// with the read models in one transaction. Marten refuses at save a write that raced another since it was read.
/// </summary>
public static class ProblemChanges
{
    public static Task<ChangeOutcome> ApplyAsync(IDocumentStore store, ClaimsPrincipal user, TimeProvider clock, Guid id,
        int? version, IProblemCommand command, CancellationToken cancellation, params FieldError?[] mistakes) =>
        ApplyAsync(store, user, clock, id, version, command, null, cancellation, mistakes);

    /// <summary>
    /// A change with a write of something else that must commit with it, such as a report from the inbox attached to
    /// the problem: <paramref name="alongside"/> appends it in the change's session once the change is accepted, or refuses.
    /// </summary>
    public static async Task<ChangeOutcome> ApplyAsync(IDocumentStore store, ClaimsPrincipal user, TimeProvider clock, Guid id,
        int? version, IProblemCommand command, Alongside? alongside, CancellationToken cancellation, params FieldError?[] mistakes)
    {
        var outcome = await DecideAndSaveAsync(store, user, clock, id, version, command, alongside, false, cancellation, mistakes);
        OctansMeasures.Write(command.GetType(), outcome.Status);
        return outcome;
    }

    /// <summary>
    /// A change from the pages. A version gone stale is decided again against the latest state when no change since it
    /// touched what the command depends on (<see cref="LaterChanges"/>); otherwise it is a conflict whose
    /// <see cref="ChangeOutcome.Since"/> says what changed. The API keeps strict optimistic concurrency.
    /// </summary>
    public static async Task<ChangeOutcome> ApplyFromPageAsync(IDocumentStore store, ClaimsPrincipal user, TimeProvider clock, Guid id,
        int? version, IProblemCommand command, Alongside? alongside, CancellationToken cancellation, params FieldError?[] mistakes)
    {
        var outcome = await DecideAndSaveAsync(store, user, clock, id, version, command, alongside, true, cancellation, mistakes);
        OctansMeasures.Write(command.GetType(), outcome.Status);
        return outcome;
    }

    private static async Task<ChangeOutcome> DecideAndSaveAsync(IDocumentStore store, ClaimsPrincipal user, TimeProvider clock, Guid id,
        int? version, IProblemCommand command, Alongside? alongside, bool decideAgain, CancellationToken cancellation, FieldError?[] mistakes)
    {
        if (WhoMay.RefuseRole(user, command.GetType()) is { } notThisRole) return new(null, notThisRole);

        // Marten refuses the empty id outright; it names no problem, as an id nobody has used names none.
        if (id == Guid.Empty) return new(null, Answers.NotFound("There is no problem with that id."));
        await using var session = store.OpenWriteSession();
        var stream = await session.Events.FetchForWriting<Problem>(id, cancellation);
        if (stream.Aggregate is not { } problem || !await WhoMay.SeeAsync(user, problem, session, cancellation)) return new(null, WhoMay.NoSuchProblem());
        if (await WhoMay.RefuseOtherTeamAsync(user, problem, command, session, cancellation) is { } notThisTeam) return new(problem, notThisTeam);
        if (version is null or <= 0)
            return new(problem, Answers.Invalid(new Dictionary<string, string[]>
            {
                ["version"] = ["Send the version of the problem you last saw, as it came from GET /api/problems/{id}."],
            }, "Send the version of the problem you last saw, so nobody's change is overwritten by accident."));
        if (version != problem.Version)
        {
            if (!decideAgain || version > problem.Version) return new(problem, Answers.Conflict(problem.Version));
            var since = await session.Events.FetchStreamAsync(id, fromVersion: version.Value + 1, token: cancellation);
            var matter = LaterChanges.ThatMatter(command, since.Select(e => e.Data).OfType<IProblemEvent>());
            if (matter.Count > 0) return new(problem, Answers.Conflict(problem.Version)) { Since = matter };
        }

        var decision = ProblemDecisions.Decide(problem, command, user.Actor(), clock.GetUtcNow());
        if (decision.IsNotFound) return new(problem, Answers.NotFound(decision.Detail!));
        var known = await UnknownReferencesAsync(session, command, cancellation);
        if (Refusal(decision, [.. mistakes, .. known]) is { } refused) return new(problem, refused);
        if (await WhoMay.RefuseUnseenTeamAsync(problem, command, session, cancellation) is { } unseen) return new(problem, unseen);
        if (command is WritePublicUpdate && await ReferenceDataLookups.IsSensitiveCategoryAsync(session, problem.Category, cancellation))
            return new(problem, Answers.Refused(
                $"{problem.Reference} is in the category {problem.Category}, which is sensitive: nothing in it is published, so it takes no public updates."));

        if (alongside is not null && await alongside(session, cancellation) is { } notAlongside) return new(problem, notAlongside);

        var newVersion = problem.Version + decision.Events.Count;
        stream.AppendMany(decision.Events);
        foreach (var marked in decision.Events.OfType<SensitivityChanged>())
        {
            var seenBy = (await ReferenceDataLookups.TeamNamesAsync(session, marked.Teams, cancellation)).Values.ToList();
            Admin.Changes.AdminChanges.Record(session, marked.By, marked.ChangedAt, Admin.Changes.ChangedThing.ProblemSensitivity, problem.Reference,
                !marked.Sensitive ? "No longer marked sensitive"
                : seenBy.Count == 0 ? "Marked sensitive" : $"Marked sensitive, seen by {string.Join(", ", seenBy.Order(StringComparer.Ordinal))}");
        }
        try
        {
            await session.SaveChangesAsync(cancellation);
        }
        catch (ConcurrencyException)
        {
            await using var query = store.QuerySession();
            var latest = await query.LoadAsync<Problem>(id, cancellation);
            return new(latest, Answers.Conflict(latest?.Version));
        }
        return new(null, null, newVersion);
    }

    /// <summary>
    /// Every mistake at once: the domain's, and those it cannot see, which take the place of the domain's message for the
    /// same field (a date that is not a date says so, rather than "enter the date").
    /// </summary>
    private static ProblemDetails? Refusal(Decision decision, IEnumerable<FieldError?> mistakes)
    {
        var errors = decision.Errors.ToDictionary();
        var found = mistakes.OfType<FieldError>().GroupBy(m => m.Field).ToList();
        foreach (var group in found) errors[group.Key] = [.. group.Select(m => m.Message)];
        if (errors.Count > 0) return Answers.Invalid(errors, found.Count == 0 ? decision.Detail : null);
        return decision.IsRefused ? Answers.Refused(decision.Detail) : null;
    }

    /// <summary>Teams, categories and other problems that a command names but the database does not know.</summary>
    private static async Task<FieldError?[]> UnknownReferencesAsync(IQuerySession session, IProblemCommand command, CancellationToken cancellation) =>
        command switch
        {
            PlanAction { TeamId: var team } when team != Guid.Empty && !await ReferenceDataLookups.TeamExistsAsync(session, team, cancellation) =>
                [new("teamId", "There is no team with that id. Choose one from GET /api/teams.")],
            ReassignAction { TeamId: var team } when team != Guid.Empty && !await ReferenceDataLookups.TeamExistsAsync(session, team, cancellation) =>
                [new("teamId", "There is no team with that id. Choose one from GET /api/teams.")],
            ReviseDetails { Category: { } category } when !string.IsNullOrWhiteSpace(category)
                && !await ReferenceDataLookups.CategoryExistsAsync(session, category, cancellation) =>
                [new("category", $"There is no category called '{category}'. Choose one from GET /api/categories.")],
            ChangeSensitivity { Teams: { } teams } when await UnknownTeamAsync(session, teams, cancellation) =>
                [new("teams", "There is no team with one of those ids. Choose them from GET /api/teams.")],
            CloseProblem { DuplicateOf: { } other } when !await ProblemRows.ExistsAsync(session, other, cancellation) =>
                [new("duplicateOf", "There is no problem with that id.")],
            _ => [],
        };

    private static async Task<bool> UnknownTeamAsync(IQuerySession session, IEnumerable<Guid> teams, CancellationToken cancellation)
    {
        foreach (var team in teams.Distinct())
            if (!await ReferenceDataLookups.TeamExistsAsync(session, team, cancellation)) return true;
        return false;
    }
}

/// <summary>The answer to an accepted write: the problem's new version.</summary>
public record WriteAccepted(int Version);

public static class ChangeAnswers
{
    /// <summary>The API's answer to a change: 200 with the new version (or <paramref name="accepted"/>'s body), or its refusal.</summary>
    public static IResult Answer(this ChangeOutcome outcome, Func<int, WriteAccepted>? accepted = null) =>
        outcome.Accepted ? Results.Ok(accepted?.Invoke(outcome.Version) ?? new WriteAccepted(outcome.Version)) : outcome.Refusal!.Result();
}
