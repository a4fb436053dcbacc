using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Octans.Api.Problems;
using Octans.Api.Setup;
using Octans.Api.SigningIn;
using Octans.Domain;
using Wolverine.Http;

namespace Octans.Api.Inbox.Attaching;

public sealed record AttachReportRequest(Guid? ProblemId, int? Version);

/// <summary>Attaching a report to a problem, for the API and the pages alike: the report becomes a recurrence on it, both in one transaction.</summary>
public static class ReportAttaching
{
    public static async Task<ChangeOutcome> AttachAsync(IDocumentStore store, ClaimsPrincipal user, TimeProvider clock, Guid reportId,
        Guid? problemId, int? version, CancellationToken cancellation)
    {
        if (WhoMay.RefuseRole(user, typeof(AttachReport)) is { } notAllowed) return new(null, notAllowed);
        if (problemId is not { } problem || problem == Guid.Empty)
            return new(null, Answers.Invalid("problemId", "Choose the problem to attach the report to."));
        await using var query = store.QuerySession();
        if (await InboxChanges.ReadAsync(query, reportId, cancellation) is not { } report)
            return new(null, Answers.NotFound(InboxChanges.NoSuchReport));
        if (InboxChanges.Refusal(InboxDecisions.Decide(report, new AttachReport(problem), user.Actor(), clock.GetUtcNow())) is { } decided)
            return new(null, decided);

        return await ProblemChanges.ApplyAsync(store, user, clock, problem, version, report.AsRecurrence(),
            InboxChanges.Deciding(reportId, current => InboxDecisions.Decide(current, new AttachReport(problem), user.Actor(), clock.GetUtcNow())),
            cancellation);
    }
}

public static class AttachReportEndpoint
{
    /// <summary>The report becomes a recurrence on the problem, with its date, source and place; <c>version</c> is the problem's.</summary>
    [Authorize(Policy = Policies.Coordinator)]
    [WolverinePost("/api/inbox/{id}/attach", Name = "AttachReport")]
    [Tags("Inbox")]
    [ProducesResponseType<WriteAccepted>(200)]
    public static async Task<IResult> Post(Guid id, AttachReportRequest request, IDocumentStore store, ClaimsPrincipal user, TimeProvider clock,
        CancellationToken cancellation) =>
        (await ReportAttaching.AttachAsync(store, user, clock, id, request.ProblemId, request.Version, cancellation)).Answer();
}
