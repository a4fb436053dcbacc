using System.Security.Claims;
using Marten;
using Octans.Api.Admin.Changes;
using Octans.Domain;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Octans.Api.Setup;
using Octans.Api.SigningIn;
using Octans.Api.Teams.TaskList;
using Wolverine.Http;

namespace Octans.Api.ReferenceData;

public sealed record ChangeCategorySensitivity(bool? Sensitive, IReadOnlyList<Guid>? Teams = null);

/// <summary>
/// Marks a category sensitive, or no longer, and names the partner teams who may see its problems, for the API and the
/// admin page: every problem in a sensitive category is sensitive, read so at every query, so nothing needs rewriting when
/// the mark changes.
/// </summary>
public static class CategorySensitivity
{
    /// <summary>A sensitive category is not removed: its problems would quietly stop being sensitive.</summary>
    public static string RemovingRefused(string name) =>
        $"{name} is sensitive. Mark it not sensitive first, if its problems may be published, and then remove it.";

    /// <summary>The refusal, or null once the change is saved, recorded with who made it and the teams named.</summary>
    public static async Task<ProblemDetails?> ChangeAsync(IDocumentSession session, string name, ChangeCategorySensitivity change, Actor by,
        DateTimeOffset at, CancellationToken cancellation)
    {
        if (await session.LoadAsync<Category>(name, cancellation) is not { } category)
            return Answers.NotFound($"There is no category called '{name}'.");
        if (change.Sensitive is not { } mark)
            return Answers.Invalid("sensitive", "Say whether the category is sensitive: true or false.");
        List<Guid> teams = [.. (change.Teams ?? []).Distinct().Order()];
        if (!mark && teams.Count > 0)
            return Answers.Invalid("teams", "A category that is not sensitive is seen by everyone: name teams only when marking it sensitive.");
        var names = await ReferenceDataLookups.TeamNamesAsync(session, teams, cancellation);
        if (names.Count < teams.Count)
            return Answers.Invalid("teams", "There is no team with one of those ids. Choose them from GET /api/teams.");
        if (mark && await TeamTasks.TeamsLeftOutAsync(session, name, teams, cancellation) is [var first, ..])
            return Answers.Invalid("teams",
                $"The {(await session.LoadAsync<Team>(first, cancellation))?.Name ?? "other"} team has open actions on problems in {name}: " +
                "name it too, or reassign or cancel those actions first.");
        if (category.Sensitive != mark || !category.Teams.Order().SequenceEqual(teams))
            AdminChanges.Record(session, by, at, ChangedThing.Category, name, !mark ? "No longer marked sensitive"
                : teams.Count == 0 ? "Marked sensitive" : $"Marked sensitive, seen by {string.Join(", ", teams.Select(t => names[t]))}");
        category.Sensitive = mark;
        category.Teams = teams;
        session.Update(category);
        await session.SaveChangesAsync(cancellation);
        return null;
    }
}

public static class ChangeCategorySensitivityEndpoint
{
    [Authorize(Policy = Policies.Admin)]
    [WolverinePost("/api/categories/{name}/sensitivity", Name = "ChangeCategorySensitivity")]
    [ProducesResponseType<CategoryView>(200)]
    public static async Task<IResult> Post(string name, ChangeCategorySensitivity request, IDocumentSession session, ClaimsPrincipal admin,
        TimeProvider clock, CancellationToken cancellation) =>
        await CategorySensitivity.ChangeAsync(session, name, request, admin.Actor(), clock.GetUtcNow(), cancellation) is { } refused
            ? refused.Result()
            : Results.Ok(new CategoryView(name, request.Sensitive!.Value) { Teams = request.Sensitive == true ? [.. (request.Teams ?? []).Distinct().Order()] : [] });
}
