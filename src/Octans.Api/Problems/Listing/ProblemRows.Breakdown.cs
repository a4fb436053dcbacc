using System.Globalization;
using Marten;
using Octans.Api.Setup;
using Octans.Domain;

namespace Octans.Api.Problems.Listing;

/// <summary>The problems of one category or ward, open by phase and closed.</summary>
public sealed record ProblemsIn(string Name, ProblemsByPhase ByPhase);

/// <summary>The problems reported in a month ("2026-10", in London), and how many of them are still open.</summary>
public sealed record ReportedInMonth(string Month, int Reported, int StillOpen);

/// <summary>The problems by category, by ward (those with none recorded as "Ward not recorded") and by the month they were reported.</summary>
public sealed record ProblemBreakdown(IReadOnlyList<ProblemsIn> ByCategory, IReadOnlyList<ProblemsIn> ByWard, IReadOnlyList<ReportedInMonth> ByMonth);

public static partial class ProblemRows
{
    public const string NoWard = "Ward not recorded";
    public const int BreakdownMonths = 12;

    /// <summary>
    /// The breakdown of the problems the reader may see, for one area or all of them, in one round trip: by category and by ward, most problems first, and by month
    /// for the last <see cref="BreakdownMonths"/> months to <paramref name="today"/>, oldest first, months with none included.
    /// </summary>
    public static async Task<ProblemBreakdown> BreakdownAsync(IQuerySession session, string? area, Reader reader, DateOnly today,
        CancellationToken cancellation)
    {
        var first = new DateOnly(today.Year, today.Month, 1).AddMonths(1 - BreakdownMonths);
        var inArea = $"(?::text is null or {Area} = ?) and {VisibleTo(Table, reader)}";
        var byPhase = (string key) => new Statement(
            $"select {key}, {Status}, {Phase}, count(*)::int from {Table} where {inArea} group by 1, {Status}, {Phase}", area, area);
        var byCategory = new List<(string, string, string, int)>();
        var byWard = new List<(string, string, string, int)>();
        var byMonth = new Dictionary<string, (int Reported, int Open)>();
        await session.ReadAsync(async reader =>
        {
            foreach (var into in new[] { byCategory, byWard })
            {
                while (await reader.ReadAsync(cancellation)) into.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetInt32(3)));
                await reader.NextResultAsync(cancellation);
            }
            while (await reader.ReadAsync(cancellation)) byMonth[reader.GetString(0)] = (reader.GetInt32(1), reader.GetInt32(2));
        }, cancellation,
            byPhase(Category),
            byPhase($"coalesce(nullif(trim({Ward}), ''), '{NoWard}')"),
            new Statement(
                $"""
                 select to_char({ReportedAt} at time zone 'Europe/London', 'YYYY-MM'), count(*)::int, count(*) filter (where {Status} = 'Open')::int
                 from {Table} where {inArea} and {ReportedAt} >= ? group by 1
                 """, area, area, London.StartOfDay(first)));

        return new ProblemBreakdown(Grouped(byCategory), Grouped(byWard),
            [.. Enumerable.Range(0, BreakdownMonths).Select(back => first.AddMonths(back).ToString("yyyy-MM", CultureInfo.InvariantCulture))
                .Select(month => byMonth.TryGetValue(month, out var n) ? new ReportedInMonth(month, n.Reported, n.Open) : new ReportedInMonth(month, 0, 0))]);
    }

    private static List<ProblemsIn> Grouped(List<(string Name, string Status, string Phase, int Count)> counts) =>
    [
        .. counts.GroupBy(c => c.Name).Select(group =>
        {
            int Open(Phase phase) => group.Where(c => c.Status == "Open" && c.Phase == phase.ToString()).Sum(c => c.Count);
            return new ProblemsIn(group.Key, new ProblemsByPhase(Open(Domain.Phase.Clear), Open(Domain.Phase.Hold), Open(Domain.Phase.Build),
                group.Where(c => c.Status == "Closed").Sum(c => c.Count)));
        })
        .OrderByDescending(p => p.ByPhase.Clear + p.ByPhase.Hold + p.ByPhase.Build + p.ByPhase.Closed).ThenBy(p => p.Name, StringComparer.Ordinal),
    ];
}
