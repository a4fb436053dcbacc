using System.Text;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Octans.Api.Problems.PublicUpdates;
using Octans.Domain;
using Octans.Reports.MonthlyPacks;
using Wolverine.Http;

namespace Octans.Api.Community;

/// <summary>
/// A month's updates as plain text to paste into a Beds Connected alert or the High Town WhatsApp channel: a heading,
/// then one line per update, "12 Nov, Wenlock Street: what was done". A line is at most <see cref="TextLimits.PublicItem"/>
/// characters (a date of 6, a street of <see cref="PublicPlace.MaxLength"/> and an update of
/// <see cref="TextLimits.PublicUpdate"/>), so neither channel hides any of it behind "read more".
/// </summary>
public static class MonthText
{
    public static string Of(string areaName, PackMonth month, IReadOnlyList<PublishedUpdate> updates)
    {
        var text = new StringBuilder($"{areaName}: you said, we did. {month.Name}\n\n");
        if (updates.Count == 0) text.Append($"No updates for {areaName} in {month.Name}.\n");
        foreach (var update in updates) text.Append(Line(update)).Append('\n');
        return text.ToString();
    }

    public static string Line(PublishedUpdate update) => $"{CommunityUpdates.Day(update.WrittenAt)}, {update.Place}: {update.Text}";
}

public static class MonthTextEndpoint
{
    [AllowAnonymous]
    [WolverineGet("/community/{areaCode}/{month}.txt", Name = "CommunityMonthText")]
    [Tags("Community")]
    public static async Task<IResult> Get(string areaCode, string month, IQuerySession session, CancellationToken cancellation)
    {
        if (await CommunityUpdates.AreaAsync(session, areaCode, cancellation) is not { } area)
            return Results.Text($"Octans knows no area with the code {areaCode}.\n", "text/plain; charset=utf-8", statusCode: 404);
        if (!PackMonth.TryParse(month, out var asked))
            return Results.Text("Give the month as year and month, such as 2026-11.\n", "text/plain; charset=utf-8", statusCode: 400);
        var updates = await CommunityUpdates.OfMonthAsync(session, area, asked, cancellation);
        return Results.Text(MonthText.Of(area.Name, asked, updates), "text/plain; charset=utf-8");
    }
}
