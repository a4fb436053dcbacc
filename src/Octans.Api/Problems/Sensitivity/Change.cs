using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Octans.Domain;
using Wolverine.Http;

namespace Octans.Api.Problems.Sensitivity;

/// <summary>Whether the problem is sensitive, and the partner teams who may see it while it is (ids from GET /api/teams).</summary>
public sealed record ChangeSensitivityRequest(int? Version, bool? Sensitive, IReadOnlyList<Guid>? Teams = null);

public static class ChangeSensitivityEndpoint
{
    /// <summary>
    /// Marks the problem sensitive, naming the partner teams who may see it besides coordinators and administrators, or no
    /// longer. A sensitive problem is never published, and is 404 to anyone else, as if it did not exist.
    /// </summary>
    [WolverinePost("/api/problems/{id}/sensitivity", Name = "ChangeSensitivity")]
    [ProducesResponseType<WriteAccepted>(200)]
    public static async Task<IResult> Post(Guid id, ChangeSensitivityRequest request, IDocumentStore store, ClaimsPrincipal user, TimeProvider clock,
        CancellationToken cancellation)
    {
        var outcome = await ProblemChanges.ApplyAsync(store, user, clock, id, request.Version, new ChangeSensitivity(request.Sensitive, request.Teams),
            cancellation);
        return outcome.Answer();
    }
}
