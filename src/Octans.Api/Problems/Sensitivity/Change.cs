using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Octans.Domain;
using Wolverine.Http;

namespace Octans.Api.Problems.Sensitivity;

public sealed record ChangeSensitivityRequest(int? Version, bool? Sensitive);

public static class ChangeSensitivityEndpoint
{
    /// <summary>Marks the problem sensitive (never published, and left off the map for those who may not see it), or no longer.</summary>
    [WolverinePost("/api/problems/{id}/sensitivity", Name = "ChangeSensitivity")]
    [ProducesResponseType<WriteAccepted>(200)]
    public static async Task<IResult> Post(Guid id, ChangeSensitivityRequest request, IDocumentStore store, ClaimsPrincipal user, TimeProvider clock,
        CancellationToken cancellation)
    {
        var outcome = await ProblemChanges.ApplyAsync(store, user, clock, id, request.Version, new ChangeSensitivity(request.Sensitive), cancellation);
        return outcome.Answer();
    }
}
