using System.Globalization;
using Marten;
using Marten.Linq.MatchesSql;
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

/// <summary>Only the columns the list shows, so whole problems (notes, actions, history) never leave the database.</summary>
internal sealed record ProblemListRow(
    Guid Id, string Reference, string Title, string Category, string Area, Phase Phase, ProblemStatus Status, Rag? Rag, Risk Risk,
    int OpenActions, DateOnly? EarliestOpenDueOn, DateTimeOffset UpdatedAt, int Version);

internal sealed record OverdueCount(Guid ProblemId, int Count);

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
        var rows = await Filtered(session.Query<Problem>(), filter)
            .Stats(out var stats)
            .OrderByDescending(p => p.UpdatedAt).ThenByDescending(p => p.Id)
            .Skip((filter.Page - 1) * filter.PageSize).Take(filter.PageSize)
            .Select(p => new ProblemListRow(p.Id, p.Reference, p.Title, p.Category, p.Area, p.Phase, p.Status, p.Rag, p.Risk,
                p.OpenActions, p.EarliestOpenDueOn, p.UpdatedAt, p.Version))
            .ToListAsync(cancellation);

        // The total rides on the rows of the page; a page past the end has no rows to carry it.
        var total = rows.Count == 0 && filter.Page > 1
            ? await Filtered(session.Query<Problem>(), filter).CountAsync(cancellation)
            : (int)stats.TotalResults;

        var overdue = await OverdueCountsAsync(session, rows, filter.Today, cancellation);
        var items = rows.Select(r => new ProblemListItem(r.Id, r.Reference, r.Title, r.Category, r.Area, r.Phase, r.Status, r.Rag, r.Risk,
            r.OpenActions, overdue.GetValueOrDefault(r.Id), r.UpdatedAt, r.Version)).ToList();
        return new ProblemListPage(items, total, filter.Page, filter.PageSize);
    }

    internal static IQueryable<Problem> Filtered(IQueryable<Problem> problems, ProblemFilter filter)
    {
        if (filter.Area is { } area) problems = problems.Where(p => p.Area == area);
        if (filter.Phase is { } phase) problems = problems.Where(p => p.Status == ProblemStatus.Open && p.Phase == phase);
        if (filter.ClosedOnly) problems = problems.Where(p => p.Status == ProblemStatus.Closed);
        if (filter.Status is { } status) problems = problems.Where(p => p.Status == status);
        if (filter.Category is { } category) problems = problems.Where(p => p.Category == category);
        if (filter.Rag is { } rag) problems = problems.Where(p => p.Rag == rag);
        // Containment (@>) rather than "= ANY" so the GIN index on the column can answer it.
        if (filter.TeamId is { } team) problems = problems.Where(p => p.MatchesSql("d.open_action_team_ids @> ?", new[] { team }));
        if (filter.OverdueOnly)
        {
            var today = filter.Today;
            problems = problems.Where(p => p.Status == ProblemStatus.Open && p.EarliestOpenDueOn < today);
        }
        if (filter.Text is { } text)
            problems = problems.Where(p => p.Reference.Contains(text, StringComparison.OrdinalIgnoreCase)
                || p.Title.Contains(text, StringComparison.OrdinalIgnoreCase)
                || p.Statement.Contains(text, StringComparison.OrdinalIgnoreCase)
                || p.Location.Description.Contains(text, StringComparison.OrdinalIgnoreCase));
        return problems;
    }

    // Only problems whose earliest open action is already past due can have overdue actions to count.
    private static async Task<Dictionary<Guid, int>> OverdueCountsAsync(IQuerySession session, IReadOnlyList<ProblemListRow> rows, DateOnly today,
        CancellationToken cancellation)
    {
        var late = rows.Where(r => r.EarliestOpenDueOn < today).Select(r => r.Id).ToArray();
        if (late.Length == 0) return [];
        var counts = await session.Query<TeamTask>()
            .Where(t => t.ProblemId.IsOneOf(late) && t.Status == ActionStatus.Open && t.DueOn < today)
            .GroupBy(t => t.ProblemId)
            .Select(g => new OverdueCount(g.Key, g.Count()))
            .ToListAsync(cancellation);
        return counts.ToDictionary(c => c.ProblemId, c => c.Count);
    }

    private static bool Given(string? value) => !string.IsNullOrWhiteSpace(value);

    private static int? WholeNumber(string? value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : null;
}
