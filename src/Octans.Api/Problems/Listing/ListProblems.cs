using System.Globalization;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Octans.Api.ReferenceData;
using Octans.Api.Teams.TaskList;
using Octans.Domain;
using Wolverine.Http;

namespace Octans.Api.Problems.Listing;

/// <summary>The filters once checked. <see cref="Phase"/> stands for open problems in that phase.</summary>
public sealed record ProblemFilter(
    Phase? Phase, bool ClosedOnly, ProblemStatus? Status, string? Category, Guid? TeamId, Rag? Rag, bool OverdueOnly, string? Text,
    string? Area, int Page, int PageSize, DateOnly Today)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;
}

public sealed record ProblemListItem(
    Guid Id, string Reference, string Title, string Category, string Area, Phase Phase, ProblemStatus Status, Rag? Rag, Risk Risk,
    int OpenActions, int OverdueActions, DateTimeOffset UpdatedAt, int Version);

public sealed record ProblemListPage(IReadOnlyList<ProblemListItem> Items, int Total, int Page, int PageSize);

/// <summary>
/// A row of the page as the list's query returns it, with the count of every problem the filters match. Its id is not
/// called Id, or Marten would take the row for a document of its own.
/// </summary>
internal sealed record ProblemListRow(
    Guid ProblemId, string Reference, string Title, string Category, string Area, Phase Phase, ProblemStatus Status, Rag? Rag, Risk Risk,
    int OpenActions, int OverdueActions, DateTimeOffset UpdatedAt, int Version, int Total)
{
    public ProblemListItem ToItem() =>
        new(ProblemId, Reference, Title, Category, Area, Phase, Status, Rag, Risk, OpenActions, OverdueActions, UpdatedAt, Version);
}

public static class ListProblemsEndpoint
{
    /// <summary>
    /// Checks the filters, every one optional: <paramref name="phase"/> is Clear, Hold or Build for open problems in
    /// that phase, or Closed; <paramref name="teamId"/> keeps problems with an open action for that team;
    /// <paramref name="overdue"/>=true keeps open problems with an action due before today in London; <paramref name="q"/>
    /// is searched for in the reference, title, statement and location; <paramref name="area"/> is a name or a code.
    /// </summary>
    public static async Task<(ProblemFilter?, ProblemDetails)> ValidateAsync(string? phase, string? category, string? teamId, string? rag,
        string? overdue, string? q, string? area, string? status, string? page, string? pageSize, IQuerySession session, TimeProvider clock,
        CancellationToken cancellation)
    {
        var errors = new Dictionary<string, string[]>();
        void Error(string field, string message) => errors[field] = [message];

        var closedOnly = "Closed".Equals(phase?.Trim(), StringComparison.OrdinalIgnoreCase);
        var openPhase = Choice.Of<Phase>(phase);
        if (Given(phase) && openPhase is null && !closedOnly) Error("phase", "Choose the phase: Clear, Hold, Build or Closed.");

        var wantedStatus = Choice.Of<ProblemStatus>(status);
        if (Given(status) && wantedStatus is null) Error("status", "Choose the status: Open or Closed.");

        var wantedRag = Choice.Of<Rag>(rag);
        if (Given(rag) && wantedRag is null) Error("rag", "Choose the RAG rating: Red, Amber or Green.");

        Guid? team = Guid.TryParse(teamId, out var parsedTeam) ? parsedTeam : null;
        if (Given(teamId) && team is null) Error("teamId", "Give the team by its id, as GET /api/teams lists them.");

        bool? overdueOnly = bool.TryParse(overdue, out var flag) ? flag : null;
        if (Given(overdue) && overdueOnly is null) Error("overdue", "Use overdue=true to see only problems with overdue actions.");

        var pageNumber = WholeNumber(page) ?? (Given(page) ? 0 : 1);
        if (pageNumber < 1) Error("page", "The page must be a whole number, 1 or more.");

        var size = WholeNumber(pageSize) ?? (Given(pageSize) ? 0 : ProblemFilter.DefaultPageSize);
        if (size is < 1 or > ProblemFilter.MaxPageSize) Error("pageSize", $"The page size must be a whole number from 1 to {ProblemFilter.MaxPageSize}.");

        var knownArea = await ReferenceDataLookups.FindAreaAsync(session, area, cancellation);
        if (Given(area) && knownArea is null) Error("area", $"There is no area called '{area!.Trim()}'. Choose one of the areas Octans knows, such as High Town.");

        if (errors.Count > 0)
            return (null, new HttpValidationProblemDetails(errors)
            {
                Status = 400, Title = "Some filters need changing", Detail = string.Join(" ", errors.Values.SelectMany(m => m)),
            });

        return (new ProblemFilter(closedOnly ? null : openPhase, closedOnly, wantedStatus, Given(category) ? category!.Trim() : null, team,
            wantedRag, overdueOnly == true, Given(q) ? q!.Trim() : null, knownArea?.Name, pageNumber, size, London.Today(clock.GetUtcNow())),
            WolverineContinue.NoProblems);
    }

    /// <summary>The problem list, most recently updated first, a page at a time.</summary>
    [WolverineGet("/api/problems", Name = "ListProblems")]
    [Tags("Problems")]
    [ProducesResponseType<ProblemListPage>(200)]
    public static async Task<ProblemListPage> Get(ProblemFilter filter, IQuerySession session, CancellationToken cancellation)
    {
        var rows = await PageAsync(session, filter, (filter.Page - 1) * filter.PageSize, filter.PageSize, cancellation);
        // The total rides on the rows of the page; a page past the end has no rows to carry it, so the first row is asked for.
        var total = rows.Count > 0 ? rows[0].Total
            : filter.Page > 1 ? (await PageAsync(session, filter, 0, 1, cancellation)).FirstOrDefault()?.Total ?? 0
            : 0;
        return new ProblemListPage(rows.Select(r => r.ToItem()).ToList(), total, filter.Page, filter.PageSize);
    }

    // One statement in plain SQL over the problems' columns, which never reads a problem's document (its notes, actions
    // and history) except for a text search of the statement. The page is chosen from the matches' ids and update times
    // alone, and only its rows are then built and their overdue actions counted: PostgreSQL would otherwise build the
    // columns of every match before sorting and keeping fifty. Marten's LINQ was not used here: it compiles a delegate for
    // every value a query captures, which cost more than the query itself.
    private static async Task<IReadOnlyList<ProblemListRow>> PageAsync(IQuerySession session, ProblemFilter filter, int skip, int take,
        CancellationToken cancellation)
    {
        var (conditions, values) = Conditions(filter);
        var sql = $"""
            with matched as (
                select d.id, d.updated_at from {ProblemStorage.Table} as d where {conditions}
            ), page as (
                select id, updated_at from matched order by updated_at desc, id desc offset ? limit ?
            )
            select jsonb_build_object(
                'problemId', d.id, 'reference', d.reference, 'title', d.title, 'category', d.category, 'area', d.area,
                'phase', d.phase, 'status', d.status, 'rag', d.rag, 'risk', d.risk, 'openActions', d.open_actions,
                'overdueActions', (select count(*) from {TeamTaskStorage.Table} as t where t.problem_id = d.id and t.status = 'Open' and t.due_on < ?),
                'updatedAt', d.updated_at, 'version', d.version, 'total', (select count(*) from matched))
            from page join {ProblemStorage.Table} as d on d.id = page.id
            order by page.updated_at desc, page.id desc
            """;
        return await session.AdvancedSql.QueryAsync<ProblemListRow>(sql, cancellation, [.. values, skip, take, filter.Today]);
    }

    /// <summary>The filters as a SQL condition over the problems' columns, with its values for the ? in it, in order.</summary>
    private static (string Sql, IReadOnlyList<object> Values) Conditions(ProblemFilter filter)
    {
        var conditions = new List<string> { "true" };
        var values = new List<object>();
        void Where(string condition, params object[] given)
        {
            conditions.Add(condition);
            values.AddRange(given);
        }

        if (filter.Area is { } area) Where("d.area = ?", area);
        if (filter.Phase is { } phase) Where("d.status = 'Open' and d.phase = ?", phase.ToString());
        if (filter.ClosedOnly) Where("d.status = 'Closed'");
        if (filter.Status is { } status) Where("d.status = ?", status.ToString());
        if (filter.Category is { } category) Where("d.category = ?", category);
        if (filter.Rag is { } rag) Where("d.rag = ?", rag.ToString());
        // Containment (@>) rather than "= ANY" so the GIN index on the column can answer it.
        if (filter.TeamId is { } team) Where("d.open_action_team_ids @> ?", new[] { team });
        if (filter.OverdueOnly) Where("d.status = 'Open' and d.earliest_open_due_on < ?", filter.Today);
        if (filter.Text is { } text)
        {
            // The text is matched literally: ILIKE's wildcards and its escape character in it stand for themselves.
            var pattern = $"%{text.Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_")}%";
            Where("(d.reference ilike ? or d.title ilike ? or d.data ->> 'statement' ilike ? or d.locationdescription ilike ?)",
                pattern, pattern, pattern, pattern);
        }
        return (string.Join(" and ", conditions), values);
    }

    private static bool Given(string? value) => !string.IsNullOrWhiteSpace(value);

    private static int? WholeNumber(string? value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : null;
}
