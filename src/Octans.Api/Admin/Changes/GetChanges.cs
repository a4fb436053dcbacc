using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Octans.Api.Problems;
using Octans.Api.Setup;
using Octans.Api.SigningIn;
using Wolverine.Http;

namespace Octans.Api.Admin.Changes;

public static class GetAdminChangesEndpoint
{
    /// <summary>
    /// Who changed what in administration (users, teams, categories, intake keys, problems' sensitivity), newest first, a
    /// page at a time; with sign-ins and refused sign-ins counted per day for the latest days.
    /// </summary>
    [Authorize(Policy = Policies.Admin)]
    [WolverineGet("/api/admin/changes", Name = "ListAdminChanges")]
    [Tags("Admin")]
    [ProducesResponseType<AdminChangesPage>(200)]
    public static async Task<IResult> Get(string? page, string? pageSize, IQuerySession session, CancellationToken cancellation)
    {
        var errors = new Dictionary<string, string[]>();
        var number = Paging.Whole(page, 1, 1, 100_000, "page", "The page must be a whole number from 1 to 100,000.", errors);
        var size = Paging.Whole(pageSize, AdminChanges.PageSize, 1, AdminChanges.MaxPageSize, "pageSize",
            $"The page size must be a whole number from 1 to {AdminChanges.MaxPageSize}.", errors);
        if (errors.Count > 0) return Answers.Invalid(errors).Result();
        return Results.Ok(await AdminChanges.PageAsync(session, number, size, cancellation));
    }
}
