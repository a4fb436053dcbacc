using Octans.Domain;

namespace Octans.Reports.MonthlyPacks;

/// <summary>
/// Everything the councillors' pack for one area and month says, as it stood at the month's cutoff. It carries
/// places and counts, never people: no assignees, no names of who did what.
/// </summary>
public sealed partial record MonthlyPackModel(
    string Area,
    PackMonth Month,
    IReadOnlyList<string> Partners,
    PackSummary Summary,
    IReadOnlyList<TeamOverdueActions> OverdueByTeam,
    IReadOnlyList<BoardProblem> Board,
    IReadOnlyList<ProblemMonth> ActiveProblems,
    IReadOnlyList<MonthTrend> Trends)
{
    public string Title => $"Operation Octans — {Area} progress pack";

    public DateTimeOffset Cutoff => Month.Cutoff;

    /// <summary>
    /// How many of the area's problems are sensitive and so left out of the pack altogether, neither named nor counted
    /// anywhere else: the pack is read by councillors, who see nothing sensitive.
    /// </summary>
    public int SensitiveNotListed { get; init; }

    /// <summary>The sentence that says so, or null when none was left out.</summary>
    public string? NotListedSentence => SensitiveNotListed switch
    {
        0 => null,
        1 => "1 sensitive problem is not listed in this pack or counted in its figures.",
        var n => $"{n} sensitive problems are not listed in this pack or counted in its figures.",
    };

    /// <summary>Whether anything was recorded for the area's problems during the month.</summary>
    public bool HadActivity => ActiveProblems.Count > 0;
}

public sealed record PhaseCounts(int Clear, int Hold, int Build, int Closed)
{
    public static PhaseCounts None { get; } = new(0, 0, 0, 0);

    public int Open => Clear + Hold + Build;

    public int Of(Phase phase) => phase switch
    {
        Phase.Clear => Clear,
        Phase.Hold => Hold,
        _ => Build,
    };
}

public sealed record OutcomeCount(Outcome Outcome, int Count);

public sealed record PackSummary(
    PhaseCounts AtStart,
    PhaseCounts AtEnd,
    int NewProblems,
    int Advanced,
    int Reverted,
    IReadOnlyList<OutcomeCount> ClosedByOutcome,
    int Reopened,
    int Recurrences,
    int ActionsOpened,
    int ActionsCompleted,
    int ActionsOverdue)
{
    public int Closed => ClosedByOutcome.Sum(o => o.Count);
}

public sealed record OverdueAction(string ProblemReference, string Description, DateOnly DueOn, int DaysOverdue);

public sealed record TeamOverdueActions(string Team, string Partner, IReadOnlyList<OverdueAction> Actions)
{
    public int Count => Actions.Count;
}

/// <summary>A problem open at the cutoff; <see cref="HoldDecay"/> when it was slipping back then.</summary>
public sealed record BoardProblem(
    string Reference, string Title, string Location, Phase Phase, Rag? Rag, Risk Risk, int OpenActions, int OverdueActions,
    HoldDecay? HoldDecay = null);

public enum PhaseMove
{
    Reported,
    Advanced,
    AdvancedWithOverride,
    MovedBack,
}

/// <summary>One stay in a phase; <see cref="Reason"/> is the override or move-back reason.</summary>
public sealed record PhaseStep(Phase Phase, DateOnly EnteredOn, PhaseMove Move, string? Reason);

public sealed record CriterionState(Phase Phase, string Text, bool Met, DateOnly? MetOn, string? Evidence);

public sealed record CompletedAction(string Description, string Team, DateOnly CompletedOn, string Note);

public sealed record OpenAction(string Description, string Team, Phase Phase, DateOnly DueOn, int DaysOverdue);

public sealed record NoteEntry(DateOnly On, string Text);

public sealed record ReviewEntry(DateOnly MeetingOn, Rag Rag, string Decision, DateOnly? NextReviewOn);

public sealed record RecurrenceEntry(DateOnly ObservedOn, string Description, string? Source);

/// <summary>A problem something happened to during the month, as it stood at the cutoff.</summary>
public sealed record ProblemMonth(
    string Reference,
    string Title,
    string Category,
    string Location,
    Phase Phase,
    ProblemStatus Status,
    Outcome? Outcome,
    Rag? Rag,
    Risk Risk,
    bool ReportedThisMonth,
    IReadOnlyList<PhaseStep> PhaseHistory,
    IReadOnlyList<CriterionState> ExitCriteria,
    IReadOnlyList<CompletedAction> CompletedThisMonth,
    IReadOnlyList<OpenAction> OpenActions,
    IReadOnlyList<NoteEntry> Notes,
    IReadOnlyList<ReviewEntry> Reviews,
    IReadOnlyList<RecurrenceEntry> Recurrences,
    DateOnly? ClosedOn,
    string? ClosingNote)
{
    /// <summary>The latest photos added in the month, small, at most <see cref="MonthlyPackModel.MostPhotosPerProblem"/>.</summary>
    public IReadOnlyList<PackPhoto> Photos { get; init; } = [];
}

/// <summary>A photo's thumbnail as the pack shows it, with its alt text and caption.</summary>
public sealed record PackPhoto(byte[] Thumbnail, string AltText, string Caption);

/// <summary>Where the area stood at the end of one month, and the actions opened and completed in it.</summary>
public sealed record MonthTrend(PackMonth Month, PhaseCounts AtEnd, int ActionsOpened, int ActionsCompleted);
