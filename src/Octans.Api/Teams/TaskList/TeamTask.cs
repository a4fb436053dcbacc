using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;
using Marten.Events.Projections;
using Octans.Api.Problems;
using Octans.Api.Setup;
using Octans.Domain;

namespace Octans.Api.Teams.TaskList;

/// <summary>One action as the team that does it sees it: one document per action, across all problems.</summary>
public sealed class TeamTask
{
    /// <summary>The action's id.</summary>
    public Guid Id { get; set; }
    public Guid ProblemId { get; set; }
    public Guid TeamId { get; set; }

    /// <summary>The name of the problem's area, which never changes once the problem is reported.</summary>
    public string Area { get; set; } = "";

    public Phase Phase { get; set; }
    public string Description { get; set; } = "";
    public string? Assignee { get; set; }
    public DateOnly DueOn { get; set; }
    public ActionStatus Status { get; set; }
}

/// <summary>
/// Keeps a <see cref="TeamTask"/> per action from the action events, in the transaction of every write. Closing a
/// problem needs no case of its own: the same decision cancels its open actions first.
/// </summary>
public sealed class TeamTaskProjection : IProjection
{
    public async Task ApplyAsync(IDocumentOperations operations, IReadOnlyList<IEvent> events, CancellationToken cancellation)
    {
        var changes = events.Select(e => e.Data).OfType<IProblemEvent>().ToList();
        var planned = changes.OfType<ActionPlanned>().ToList();
        var earlier = changes.Select(ActionOf).OfType<Guid>().Except(planned.Select(p => p.ActionId)).Distinct().ToArray();
        if (planned.Count == 0 && earlier.Length == 0) return;

        var tasks = earlier.Length == 0
            ? []
            : (await operations.LoadManyAsync<TeamTask>(cancellation, earlier)).ToDictionary(t => t.Id);
        var areas = await AreasAsync(operations, changes, planned, cancellation);

        foreach (var change in changes)
        {
            if (change is ActionPlanned e)
            {
                tasks[e.ActionId] = new TeamTask
                {
                    Id = e.ActionId, ProblemId = e.ProblemId, TeamId = e.TeamId, Area = areas.GetValueOrDefault(e.ProblemId, ""),
                    Phase = e.Phase, Description = e.Description, Assignee = e.Assignee, DueOn = e.DueOn, Status = ActionStatus.Open,
                };
            }
            // A task missing here was planned before the task list existed; rebuilding this projection restores it.
            else if (ActionOf(change) is { } actionId && tasks.TryGetValue(actionId, out var task))
            {
                Play(task, change);
            }
        }

        if (tasks.Count > 0) operations.Store(tasks.Values.ToArray());
    }

    private static void Play(TeamTask task, IProblemEvent change)
    {
        switch (change)
        {
            case ActionCompleted: task.Status = ActionStatus.Done; break;
            case ActionCancelled: task.Status = ActionStatus.Cancelled; break;
            case ActionReopened: task.Status = ActionStatus.Open; break;
            case ActionReassigned e:
                task.TeamId = e.TeamId;
                task.Assignee = e.Assignee;
                break;
            case ActionRescheduled e: task.DueOn = e.DueOn; break;
        }
    }

    private static Guid? ActionOf(IProblemEvent change) => change switch
    {
        ActionPlanned e => e.ActionId,
        ActionCompleted e => e.ActionId,
        ActionReopened e => e.ActionId,
        ActionCancelled e => e.ActionId,
        ActionReassigned e => e.ActionId,
        ActionRescheduled e => e.ActionId,
        _ => null,
    };

    // A problem reported in the same transaction is not in the database yet, so its area comes from the report.
    private static async Task<Dictionary<Guid, string>> AreasAsync(IQuerySession session, List<IProblemEvent> changes,
        List<ActionPlanned> planned, CancellationToken cancellation)
    {
        var areas = changes.OfType<ProblemReported>().ToDictionary(r => r.ProblemId, r => r.Area);
        var unknown = planned.Select(p => p.ProblemId).Where(id => !areas.ContainsKey(id)).Distinct().ToArray();
        if (unknown.Length == 0) return areas;

        // Plain SQL over the area column: Marten's LINQ would compile a delegate for the ids on every write that plans.
        var stored = await session.AdvancedSql.QueryAsync<ProblemArea>(
            $"select jsonb_build_object('problemId', d.id, 'area', d.area) from {ProblemStorage.Table} as d where d.id = any(?)",
            cancellation, unknown);
        foreach (var problem in stored) areas[problem.ProblemId] = problem.Area;
        return areas;
    }

    // Not called Id, or Marten would take it for a document of its own.
    private sealed record ProblemArea(Guid ProblemId, string Area);
}

public static class TeamTaskStorage
{
    /// <summary>Marten's table of task documents, for the reads written in SQL over its duplicated columns.</summary>
    public const string Table = $"{DatabaseSettings.MartenSchema}.mt_doc_teamtask";

    public static void ConfigureTeamTasks(this StoreOptions options)
    {
        options.Schema.For<TeamTask>()
            .Duplicate(t => t.TeamId);
        // The task lists, the dashboard and the list's overdue counts mostly look at open tasks, a small part of all
        // tasks after a year: indexes of open tasks by team, by area and by problem serve them, and status, due date,
        // area and problem need columns but no index of their own.
        options.Policies.ForAllDocuments(mapping =>
        {
            if (mapping.DocumentType != typeof(TeamTask)) return;
            foreach (var member in new[] { nameof(TeamTask.ProblemId), nameof(TeamTask.Status), nameof(TeamTask.DueOn), nameof(TeamTask.Area) })
                mapping.DuplicateField(member);
            mapping.AddIndex("team_id", "due_on").Predicate = "status = 'Open'";
            mapping.AddIndex("area", "team_id", "due_on").Predicate = "status = 'Open'";
            mapping.AddIndex("problem_id", "due_on").Predicate = "status = 'Open'";
        });

        // A rebuild reads pages of events; bigger pages mean fewer round trips to load and store the tasks they touch.
        options.Projections.Add(new TeamTaskProjection(), ProjectionLifecycle.Inline, asyncConfiguration: rebuild => rebuild.BatchSize = 50_000);
    }
}
