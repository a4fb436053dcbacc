using System.Security.Claims;
using Marten;
using Octans.Api.Admin.Changes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Octans.Api.Setup;
using Octans.Api.SigningIn;
using Octans.Domain;
using Wolverine.Http;

namespace Octans.Api.ReferenceData;

public sealed record AddTeam(string? Name, string? Partner);

/// <summary><paramref name="Sensitive"/>: every problem in it is never published.</summary>
public sealed record AddCategory(string? Name, bool? Sensitive = null);

/// <summary>What makes a new team or category acceptable, shared by the API and the admin pages.</summary>
public static class ReferenceDataRules
{
    public static async Task<Dictionary<string, string[]>> CheckTeamAsync(AddTeam request, IQuerySession session, CancellationToken cancellation)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Trim().Length > TextLimits.Name)
            errors["name"] = [$"Enter the team's name, up to {TextLimits.Name} characters."];
        else if ((await session.Query<Team>().Select(t => t.Name).ToListAsync(cancellation)).Any(n => n.Equals(request.Name.Trim(), StringComparison.OrdinalIgnoreCase)))
            errors["name"] = ["There is already a team with this name."];
        if (string.IsNullOrWhiteSpace(request.Partner) || request.Partner.Trim().Length > TextLimits.Name)
            errors["partner"] = [$"Enter the partner organisation the team belongs to, up to {TextLimits.Name} characters."];
        return errors;
    }

    /// <summary>Adds a checked team, recorded with who added it, in the session's next SaveChanges.</summary>
    public static Team AddTeam(IDocumentSession session, AddTeam request, Actor by, DateTimeOffset at)
    {
        var team = new Team { Id = Guid.CreateVersion7(), Name = request.Name!.Trim(), Partner = request.Partner!.Trim() };
        session.Insert(team);
        AdminChanges.Record(session, by, at, ChangedThing.Team, team.Name, $"Added, a team of {team.Partner}");
        return team;
    }

    public static async Task<Dictionary<string, string[]>> CheckCategoryAsync(AddCategory request, IQuerySession session, CancellationToken cancellation)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Trim().Length > TextLimits.Name)
            errors["name"] = [$"Enter the category, up to {TextLimits.Name} characters."];
        else if ((await session.Query<Category>().Select(c => c.Id).ToListAsync(cancellation)).Any(n => n.Equals(request.Name.Trim(), StringComparison.OrdinalIgnoreCase)))
            errors["name"] = ["There is already a category with this name."];
        return errors;
    }

    /// <summary>Adds a checked category, recorded with who added it, in the session's next SaveChanges.</summary>
    public static string AddCategory(IDocumentSession session, AddCategory request, Actor by, DateTimeOffset at)
    {
        var name = request.Name!.Trim();
        session.Insert(new Category { Id = name, Sensitive = request.Sensitive == true });
        AdminChanges.Record(session, by, at, ChangedThing.Category, name, request.Sensitive == true ? "Added, sensitive" : "Added");
        return name;
    }

    /// <summary>
    /// Problems already in the category keep it; it is only no longer offered for new ones. A sensitive category is not
    /// removed. The refusal, or null once it is removed.
    /// </summary>
    public static async Task<ProblemDetails?> RemoveCategoryAsync(IDocumentSession session, string name, Actor by, DateTimeOffset at,
        CancellationToken cancellation)
    {
        if (await session.LoadAsync<Category>(name, cancellation) is not { } category)
            return Answers.NotFound($"There is no category called '{name}'.");
        if (category.Sensitive) return Answers.Refused(CategorySensitivity.RemovingRefused(name));
        session.Delete<Category>(name);
        AdminChanges.Record(session, by, at, ChangedThing.Category, name, "Removed: no longer offered for new problems");
        await session.SaveChangesAsync(cancellation);
        return null;
    }
}

public static class AddTeamEndpoint
{
    public static async Task<ProblemDetails> ValidateAsync(AddTeam request, IQuerySession session, CancellationToken cancellation) =>
        await ReferenceDataRules.CheckTeamAsync(request, session, cancellation) is { Count: > 0 } errors ? Answers.Invalid(errors) : WolverineContinue.NoProblems;

    [Authorize(Policy = Policies.Admin)]
    [WolverinePost("/api/teams", Name = "AddTeam")]
    public static CreationResponse<Guid> Post(AddTeam request, IDocumentSession session, ClaimsPrincipal admin, TimeProvider clock)
    {
        var team = ReferenceDataRules.AddTeam(session, request, admin.Actor(), clock.GetUtcNow());
        return new CreationResponse<Guid>($"/api/teams/{team.Id}", team.Id);
    }
}

public static class AddCategoryEndpoint
{
    public static async Task<ProblemDetails> ValidateAsync(AddCategory request, IQuerySession session, CancellationToken cancellation) =>
        await ReferenceDataRules.CheckCategoryAsync(request, session, cancellation) is { Count: > 0 } errors ? Answers.Invalid(errors) : WolverineContinue.NoProblems;

    [Authorize(Policy = Policies.Admin)]
    [WolverinePost("/api/categories", Name = "AddCategory")]
    public static CreationResponse<string> Post(AddCategory request, IDocumentSession session, ClaimsPrincipal admin, TimeProvider clock)
    {
        var name = ReferenceDataRules.AddCategory(session, request, admin.Actor(), clock.GetUtcNow());
        return new CreationResponse<string>("/api/categories", name);
    }
}

public static class RemoveCategoryEndpoint
{
    /// <summary>Problems already in the category keep it; it is only no longer offered for new ones.</summary>
    [Authorize(Policy = Policies.Admin)]
    [WolverineDelete("/api/categories/{name}", Name = "RemoveCategory")]
    public static async Task<IResult> Delete(string name, IDocumentSession session, ClaimsPrincipal admin, TimeProvider clock,
        CancellationToken cancellation) =>
        await ReferenceDataRules.RemoveCategoryAsync(session, name, admin.Actor(), clock.GetUtcNow(), cancellation) is { } refused
            ? refused.Result()
            : Results.NoContent();
}
