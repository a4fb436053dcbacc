using System.Security.Claims;
using Marten;
using Octans.Api.Admin.Changes;
using Octans.Domain;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Octans.Api.Setup;
using Octans.Api.SigningIn;
using Wolverine.Http;

namespace Octans.Api.ReferenceData;

public sealed record ChangeCategorySensitivity(bool? Sensitive);

/// <summary>
/// Marks a category sensitive, or no longer, for the API and the admin page: every problem in a sensitive category is
/// sensitive, read so at every query, so nothing needs rewriting when the mark changes.
/// </summary>
public static class CategorySensitivity
{
    /// <summary>A sensitive category is not removed: its problems would quietly stop being sensitive.</summary>
    public static string RemovingRefused(string name) =>
        $"{name} is sensitive. Mark it not sensitive first, if its problems may be published, and then remove it.";

    /// <summary>The refusal, or null once the change is saved.</summary>
    public static async Task<ProblemDetails?> ChangeAsync(IDocumentSession session, string name, bool? sensitive, Actor by, DateTimeOffset at,
        CancellationToken cancellation)
    {
        if (await session.LoadAsync<Category>(name, cancellation) is not { } category)
            return Answers.NotFound($"There is no category called '{name}'.");
        if (sensitive is not { } mark)
            return Answers.Invalid("sensitive", "Say whether the category is sensitive: true or false.");
        if (category.Sensitive != mark)
            AdminChanges.Record(session, by, at, ChangedThing.Category, name, mark ? "Marked sensitive" : "No longer marked sensitive");
        category.Sensitive = mark;
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
        await CategorySensitivity.ChangeAsync(session, name, request.Sensitive, admin.Actor(), clock.GetUtcNow(), cancellation) is { } refused
            ? refused.Result()
            : Results.Ok(new CategoryView(name, request.Sensitive!.Value));
}
