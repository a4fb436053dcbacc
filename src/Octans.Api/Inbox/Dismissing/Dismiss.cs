using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Octans.Api.Setup;
using Octans.Api.SigningIn;
using Octans.Domain;
using Wolverine.Http;

namespace Octans.Api.Inbox.Dismissing;

public sealed record DismissReportRequest(string? Reason);

public static class DismissReportEndpoint
{
    /// <summary>The report leaves the inbox without becoming part of a problem, for the reason given.</summary>
    [Authorize(Policy = Policies.Coordinator)]
    [WolverinePost("/api/inbox/{id}/dismiss", Name = "DismissReport")]
    [Tags("Inbox")]
    public static async Task<IResult> Post(Guid id, DismissReportRequest request, IDocumentStore store, ClaimsPrincipal user, TimeProvider clock,
        CancellationToken cancellation) =>
        await InboxChanges.DecideAsync(store, user, id,
            report => InboxDecisions.Decide(report, new DismissReport(request.Reason), user.Actor(), clock.GetUtcNow()), cancellation) is { } refused
            ? refused.Result()
            : Results.NoContent();
}
