using Marten;
using Octans.Api.Places;
using Octans.Api.ReferenceData;
using Octans.Api.Setup;
using Octans.Domain;

namespace Octans.Api.Problems.Listing;

/// <summary>
/// The list's filters once checked. <see cref="Phase"/> stands for open problems in that phase; <see cref="Status"/> null
/// keeps open and closed problems alike.
/// </summary>
public sealed partial record ProblemFilter(
    Reader Reader, Phase? Phase, bool ClosedOnly, ProblemStatus? Status, string? Category, Guid? TeamId, Rag? Rag, bool OverdueOnly, string? Text,
    string? Area, int Page, int PageSize, DateOnly Today)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    /// <summary>Only problems whose pin is within this circle, nearest first (near and within).</summary>
    public Circle? Near { get; init; }

    /// <summary>The order asked for; none is the most recently updated first, or the nearest first within a circle.</summary>
    public ProblemOrder? Sort { get; init; }

    /// <summary>The filters as the query string gives them, every one optional; each mistake is named by its field.</summary>
    public sealed record Asked(string? Phase = null, string? Category = null, string? TeamId = null, string? Rag = null,
        string? Overdue = null, string? Q = null, string? Area = null, string? Status = null, string? Page = null, string? PageSize = null,
        string? Near = null, string? Within = null, string? Sort = null);

    /// <summary>
    /// Checks the filters: phase is Clear, Hold or Build for open problems in that phase, or Closed; teamId keeps problems
    /// with an open action for that team; overdue=true keeps open problems with an action due before today in London; q is
    /// searched for in the reference, title, statement and location; area is a name or a code; near is a latitude and a
    /// longitude, and within the circle's radius in metres around it; status is Open, Closed or Any (the same as none);
    /// sort is updated, risk, confidence or nextReview (<see cref="ProblemOrder"/>).
    /// </summary>
    public static async Task<(ProblemFilter? Filter, Dictionary<string, string[]> Errors)> CheckAsync(Asked asked, Reader reader, IQuerySession session,
        DateOnly today, CancellationToken cancellation)
    {
        var errors = new Dictionary<string, string[]>();
        void Error(string field, string message) => errors[field] = [message];

        var closedOnly = "Closed".Equals(asked.Phase?.Trim(), StringComparison.OrdinalIgnoreCase);
        var openPhase = Choice.Of<Phase>(asked.Phase);
        if (Given(asked.Phase) && openPhase is null && !closedOnly) Error("phase", "Choose the phase: Clear, Hold, Build or Closed.");

        var anyStatus = AnyStatus.Equals(asked.Status?.Trim(), StringComparison.OrdinalIgnoreCase);
        var status = Choice.Of<ProblemStatus>(asked.Status);
        if (Given(asked.Status) && status is null && !anyStatus) Error("status", "Choose the status: Open, Closed or Any.");

        var sort = Choice.Of<ProblemOrder>(asked.Sort);
        if (Given(asked.Sort) && sort is null) Error("sort", "Sort by updated, risk, confidence or nextReview.");

        var rag = Choice.Of<Rag>(asked.Rag);
        if (Given(asked.Rag) && rag is null) Error("rag", "Choose the RAG rating: Red, Amber or Green.");

        Guid? team = Guid.TryParse(asked.TeamId, out var parsedTeam) ? parsedTeam : null;
        if (Given(asked.TeamId) && team is null) Error("teamId", "Give the team by its id, as GET /api/teams lists them.");

        bool? overdue = bool.TryParse(asked.Overdue, out var flag) ? flag : null;
        if (Given(asked.Overdue) && overdue is null) Error("overdue", "Use overdue=true to see only problems with overdue actions.");

        var page = Paging.Whole(asked.Page, 1, 1, int.MaxValue, "page", "The page must be a whole number, 1 or more.", errors);
        var size = Paging.Whole(asked.PageSize, DefaultPageSize, 1, MaxPageSize, "pageSize",
            $"The page size must be a whole number from 1 to {MaxPageSize}.", errors);

        var near = Circle.Check(asked.Near, asked.Within, errors);

        var area = await ReferenceDataLookups.FindAreaAsync(session, asked.Area, cancellation);
        if (Given(asked.Area) && area is null) Error("area", $"There is no area called '{asked.Area!.Trim()}'. Choose one of the areas Octans knows, such as High Town.");

        if (errors.Count > 0) return (null, errors);
        return (new ProblemFilter(reader, closedOnly ? null : openPhase, closedOnly, status, Given(asked.Category) ? asked.Category!.Trim() : null, team,
            rag, overdue == true, Given(asked.Q) ? asked.Q!.Trim() : null, area?.Name, page, size, today) { Near = near, Sort = sort }, errors);
    }

    /// <summary>
    /// The filters as a SQL condition over the problems' rows (as d), with its values for the ? in it, in order; only
    /// the problems the reader may see (<see cref="ProblemRows.VisibleTo"/>).
    /// </summary>
    public (string Sql, IReadOnlyList<object> Values) Condition()
    {
        var conditions = new List<string> { ProblemRows.VisibleTo("d", Reader) };
        var values = new List<object>();
        void Where(string condition, params object[] given)
        {
            conditions.Add(condition);
            values.AddRange(given);
        }

        if (Area is { } area) Where($"d.{ProblemRows.Area} = ?", area);
        if (Phase is { } phase) Where($"d.{ProblemRows.Status} = 'Open' and d.{ProblemRows.Phase} = ?", phase);
        if (ClosedOnly) Where($"d.{ProblemRows.Status} = 'Closed'");
        if (Status is { } status) Where($"d.{ProblemRows.Status} = ?", status);
        if (Category is { } category) Where($"d.{ProblemRows.Category} = ?", category);
        if (Rag is { } rag) Where($"d.{ProblemRows.Rag} = ?", rag);
        if (TeamId is { } team) Where($"d.{ProblemRows.OpenActionTeams} @> ?", new[] { team });
        if (OverdueOnly) Where($"d.{ProblemRows.Status} = 'Open' and d.{ProblemRows.EarliestOpenDueOn} < ?", Today);
        if (Near is { } circle)
            Where($"st_dwithin(d.{ProblemRows.Pin}, {ProblemRows.PinFrom}, ?)", circle.Longitude, circle.Latitude, (double)circle.Metres);
        if (Text is { } text)
        {
            // The text is matched literally: ILIKE's wildcards and its escape character in it stand for themselves.
            var pattern = $"%{text.Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_")}%";
            Where($"(d.{ProblemRows.Reference} ilike ? or d.{ProblemRows.Title} ilike ? or d.{ProblemRows.Statement} ilike ? or d.{ProblemRows.Place} ilike ?)",
                pattern, pattern, pattern, pattern);
        }
        return (string.Join(" and ", conditions), values);
    }

    /// <summary>The status that keeps open and closed problems alike, as giving none does.</summary>
    public const string AnyStatus = "Any";

    private static bool Given(string? value) => !string.IsNullOrWhiteSpace(value);
}
