using Octans.Domain;
using Octans.Reports.MonthlyPacks;

namespace Octans.Reports.PathwaysPacks;

/// <summary>
/// The quarterly Pathways pack for one area, as the record stood at the quarter's cutoff: written for residents as well
/// as partners, so it carries counts and places at street level, never people, notes or anything sensitive.
/// </summary>
public sealed partial record PathwaysPackModel(
    string Area,
    PackQuarter Quarter,
    IReadOnlyList<PhaseQuarter> ByPhase,
    int NewProblems,
    IReadOnlyList<OutcomeCount> ClosedByOutcome,
    IReadOnlyList<PlaceMove> MovedOn,
    IReadOnlyList<PlaceMove> WentBack,
    IReadOnlyList<PlaceReported> Reported,
    IReadOnlyList<PlaceNext> ComingNext)
{
    public string Title => $"{Area} Pathways pack, {Quarter.Name}";

    public DateTimeOffset Cutoff => Quarter.Cutoff;

    public int Closed => ClosedByOutcome.Sum(o => o.Count);

    public int Reports => Reported.Sum(r => r.Reports);
}

/// <summary>Open problems in a phase at the start and end of the quarter, and how many came in, moved on or went back during it.</summary>
public sealed record PhaseQuarter(Phase Phase, int AtStart, int AtEnd, int CameIn, int MovedOn, int WentBack);

/// <summary>A place that changed phase in the quarter; <see cref="To"/> is null when the problem was closed.</summary>
public sealed record PlaceMove(string Reference, string Place, string Category, Phase From, Phase? To, DateOnly On, string Why);

/// <summary>A place residents reported again in the quarter, and what partners did there in it.</summary>
public sealed record PlaceReported(string Reference, string Place, string Category, Phase Phase, int Reports, IReadOnlyList<string> Done);

/// <summary>An open place at the cutoff with work ahead: its open actions and next review.</summary>
public sealed record PlaceNext(string Reference, string Place, string Category, Phase Phase, int OpenActions, DateOnly? NextDue,
    DateOnly? NextReviewOn, bool SlippingBack);
