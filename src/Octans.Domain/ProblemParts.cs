namespace Octans.Domain;

/// <summary>An action as the rules see it; its notes, dates of completion and who did it are kept by the read models.</summary>
public sealed class ProblemAction
{
    public Guid Id { get; set; }
    public Phase Phase { get; set; }
    public string Description { get; set; } = "";
    public Guid TeamId { get; set; }
    public DateOnly DueOn { get; set; }
    public ActionStatus Status { get; set; }
    /// <summary>How many photos it has; nothing before photos were kept had any.</summary>
    public int Photos { get; set; }
}

/// <summary>An exit criterion as the rules see it; the evidence that it was met is kept by the read models.</summary>
public sealed class ExitCriterion
{
    public Guid Id { get; set; }
    public Phase Phase { get; set; }
    public string Text { get; set; } = "";
    public bool Met { get; set; }
    public int Photos { get; set; }
}
