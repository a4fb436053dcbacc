using System.Security.Claims;
using JasperFx;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Octans.Api.Problems;
using Octans.Api.Setup;
using Octans.Api.Setup.Idempotency;
using Octans.Domain;

namespace Octans.Api.Inbox;

/// <summary>
/// The one way to decide about a report in the inbox, for the API and the pages alike: the report as its decisions see
/// it, the domain's decision, and its events appended in the session of whatever else the decision writes.
/// </summary>
public static class InboxChanges
{
    public const string NoSuchReport = "There is no report in the inbox with that id.";

    /// <summary>The report as its decisions see it, or null when there is none.</summary>
    public static async Task<InboxReport?> ReadAsync(IQuerySession session, Guid id, CancellationToken cancellation) =>
        id == Guid.Empty ? null : await session.Events.AggregateStreamAsync<InboxReport>(id, token: cancellation);

    /// <summary>Decides about the report in the session of another write (a problem's change or report), which commits both.</summary>
    public static Alongside Deciding(Guid reportId, Func<InboxReport, InboxDecision> decide) => async (session, cancellation) =>
    {
        if (reportId == Guid.Empty) return Answers.NotFound(NoSuchReport);
        var stream = await session.Events.FetchForWriting<InboxReport>(reportId, cancellation);
        if (stream.Aggregate is not { } report) return Answers.NotFound(NoSuchReport);
        var decision = decide(report);
        if (Refusal(decision) is { } refused) return refused;
        stream.AppendMany(decision.Events);
        return null;
    };

    /// <summary>Decides about the report on its own, such as dismissing it.</summary>
    public static async Task<ProblemDetails?> DecideAsync(IDocumentStore store, ClaimsPrincipal user, Guid reportId,
        Func<InboxReport, InboxDecision> decide, CancellationToken cancellation)
    {
        if (WhoMay.RefuseRole(user, typeof(DismissReport)) is { } notAllowed) return notAllowed;
        await using var session = store.OpenWriteSession();
        if (await Deciding(reportId, decide)(session, cancellation) is { } refused) return refused;
        try
        {
            await session.SaveChangesAsync(cancellation);
        }
        catch (ConcurrencyException)
        {
            return Answers.Refused("Someone decided about this report at the same moment. Look at it again.");
        }
        return null;
    }

    public static ProblemDetails? Refusal(InboxDecision decision) =>
        !decision.IsRefused ? null
        : decision.Errors.Count > 0 ? Answers.Invalid(decision.Errors, decision.Detail)
        : Answers.Refused(decision.Detail!);
}
