using System.Globalization;
using Marten;
using Octans.Api.Problems.Listing;
using Octans.Api.Setup;
using Octans.Domain;

namespace Octans.Api.Dashboard;

/// <summary>What changed on the problems one month (in London, "2026-11"), as the dashboard compares it with the months before.</summary>
public sealed record MonthOfChanges(string Month, int Reported, int MovedPhase, int Closed, int Reopened, int Recurred, int ActionsDone);

/// <summary>
/// The changes the dashboard counts month by month: one row for each problem reported, moved to another phase, closed,
/// reopened, seen again (a recurrence, such as a report from the inbox attached to it) or with an action done, kept by
/// <see cref="Project"/> in the transaction of every write. A closing stays counted in its month when the problem is
/// reopened later, as the record of that month does.
/// </summary>
public static class ProblemMilestones
{
    public const string Name = "problem_milestones";
    public static readonly string Table = ReadTables.Qualified(Name);

    public const string ProblemId = "problem_id", Version = "version", At = "at", Kind = "kind";

    public enum Milestone { Reported, MovedPhase, Closed, Reopened, Recurred, ActionDone }

    public static void Declare(StoreOptions options) => options.Declare(Name, table =>
    {
        table.AddColumn(ProblemId, "uuid").AsPrimaryKey();
        table.AddColumn(Version, "integer").AsPrimaryKey();
        table.AddColumn(At, "timestamp with time zone").NotNull();
        table.AddColumn(Kind, "text").NotNull();
        // The dashboard reads the last few months of every area's changes.
        table.Index([At]);
    });

    public static void Project(IDocumentOperations operations, IProblemEvent change, int version)
    {
        Milestone? kind = change switch
        {
            ProblemReported => Milestone.Reported,
            PhaseAdvanced or PhaseReverted => Milestone.MovedPhase,
            ProblemClosed => Milestone.Closed,
            ProblemReopened => Milestone.Reopened,
            RecurrenceLogged => Milestone.Recurred,
            ActionCompleted => Milestone.ActionDone,
            _ => null,
        };
        if (kind is { } milestone)
            operations.Queue($"insert into {Table} ({ProblemId}, {Version}, {At}, {Kind}) values (?, ?, ?, ?)",
                change.ProblemId, version, change.At, milestone.ToString());
    }

    /// <summary>
    /// The changes on the problems the reader may see, for one area or all of them, in each of the <paramref name="months"/>
    /// months to the one of <paramref name="today"/> (so far), newest first, months with none included.
    /// </summary>
    public static async Task<IReadOnlyList<MonthOfChanges>> ByMonthAsync(IQuerySession session, string? area, Reader reader, DateOnly today,
        int months, CancellationToken cancellation)
    {
        var first = new DateOnly(today.Year, today.Month, 1).AddMonths(1 - months);
        var counts = await session.ReadAsync(
            $"""
             select to_char(m.{At} at time zone 'Europe/London', 'YYYY-MM'), m.{Kind}, count(*)::int
             from {Table} as m join {ProblemRows.Table} as d on d.{ProblemRows.Id} = m.{ProblemId}
             where m.{At} >= ? and (?::text is null or d.{ProblemRows.Area} = ?) and {ProblemRows.VisibleTo("d", reader)}
             group by 1, 2
             """,
            r => (Month: r.GetString(0), Kind: Enum.Parse<Milestone>(r.GetString(1)), Count: r.GetInt32(2)), cancellation,
            London.StartOfDay(first), area, area);
        return
        [
            .. Enumerable.Range(0, months).Select(back => first.AddMonths(months - 1 - back).ToString("yyyy-MM", CultureInfo.InvariantCulture))
                .Select(month =>
                {
                    int Of(Milestone kind) => counts.Where(c => c.Month == month && c.Kind == kind).Sum(c => c.Count);
                    return new MonthOfChanges(month, Of(Milestone.Reported), Of(Milestone.MovedPhase), Of(Milestone.Closed), Of(Milestone.Reopened),
                        Of(Milestone.Recurred), Of(Milestone.ActionDone));
                }),
        ];
    }
}
