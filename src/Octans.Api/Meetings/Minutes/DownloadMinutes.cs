using System.Security.Claims;
using Marten;
using Octans.Api.Problems;
using Octans.Api.Problems.Listing;
using Octans.Domain;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Octans.Api.Setup;
using Octans.Api.SigningIn;
using Octans.Reports.Minutes;
using Wolverine.Http;

namespace Octans.Api.Meetings.Minutes;

public static class MeetingMinutes
{
    /// <summary>The minutes as a PDF and its file name, less the problems the reader may not see, or null when there is no such meeting.</summary>
    public static async Task<(byte[] Pdf, string FileName)?> RenderAsync(IQuerySession session, Guid id, Reader reader, CancellationToken cancellation)
    {
        if (id == Guid.Empty || await session.Events.AggregateStreamAsync<Domain.Meeting>(id, token: cancellation) is not { } meeting) return null;
        var hidden = await ProblemRows.HiddenAmongAsync(session, [.. meeting.Minutes().Select(d => d.ProblemId)], reader, cancellation);
        var model = MinutesModel.From(meeting, hidden);
        var name = $"octans-{meeting.Area.ToLowerInvariant().Replace(' ', '-')}-{meeting.Kind.ToString().ToLowerInvariant()}-{meeting.HeldOn:yyyy-MM-dd}-minutes.pdf";
        return (MinutesDocument.Render(model).Pdf, name);
    }
}

public static class DownloadMinutesEndpoint
{
    [Authorize(Policy = Policies.SignedIn)]
    [WolverineGet("/api/meetings/{id}/minutes.pdf", Name = "DownloadMinutes")]
    [Tags("Meetings")]
    [Produces("application/pdf")]
    public static async Task<IResult> Get(Guid id, ClaimsPrincipal user, IQuerySession session, HttpResponse response, CancellationToken cancellation)
    {
        if (await MeetingMinutes.RenderAsync(session, id, WhoMay.ReaderOf(user), cancellation) is not var (pdf, name))
            return Answers.NotFound(MeetingChanges.NoSuchMeeting).Result();
        response.Headers.ContentDisposition = $"attachment; filename=\"{name}\"";
        return Results.Bytes(pdf, "application/pdf");
    }
}
