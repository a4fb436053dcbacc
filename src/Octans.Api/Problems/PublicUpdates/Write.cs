using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Octans.Domain;
using Wolverine.Http;

namespace Octans.Api.Problems.PublicUpdates;

public sealed record WritePublicUpdateRequest(int? Version, string? Text);

public static class WritePublicUpdateEndpoint
{
    /// <summary>An update for residents, published on the area's community page, feed and month's text; refused on a sensitive problem.</summary>
    [WolverinePost("/api/problems/{id}/public-updates", Name = "WritePublicUpdate")]
    [ProducesResponseType<WriteAccepted>(200)]
    public static async Task<IResult> Post(Guid id, WritePublicUpdateRequest request, IDocumentStore store, ClaimsPrincipal user, TimeProvider clock,
        CancellationToken cancellation)
    {
        var outcome = await ProblemChanges.ApplyAsync(store, user, clock, id, request.Version, new WritePublicUpdate(request.Text ?? ""), cancellation);
        return outcome.Answer();
    }
}
