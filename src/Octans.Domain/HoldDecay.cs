using System.Globalization;

namespace Octans.Domain;

/// <summary>
/// "Hold decay": a problem in Hold or Build that draws reports again is slipping back, and the partnership decides at
/// its next review whether to return it to Clear. <see cref="Reports"/> counts the recurrences logged while it was in
/// Hold or Build since <see cref="Since"/>, the day of its last review — or, never reviewed there, the day it entered
/// Hold. A review, a move back to Clear or closing the problem answers them.
/// </summary>
public sealed record HoldDecay(int Reports, DateOnly Since, HoldDecay.Start SinceWhat)
{
    /// <summary>What happened on <see cref="Since"/>.</summary>
    public enum Start { MovedToHold, Review, Reopened }

    /// <summary>The phases where a recurrence is a warning sign; in Clear the harm is still being removed.</summary>
    public static bool Watched(Phase phase) => phase is Phase.Hold or Phase.Build;

    /// <summary>"3 new reports since the review on 13 October 2026".</summary>
    public string Describe() =>
        $"{Reports} new {(Reports == 1 ? "report" : "reports")} since " +
        SinceWhat switch
        {
            Start.Review => "the review",
            Start.Reopened => "it was reopened",
            _ => "it moved to Hold",
        } + $" on {Since.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}";

    /// <summary>The decay of a problem with this history, or null when it is not slipping back.</summary>
    public static HoldDecay? Of(IEnumerable<IProblemEvent> history)
    {
        var tally = new Tally();
        foreach (var change in history)
            tally.Add(change);
        return tally.Decay;
    }

    /// <summary>The fold behind <see cref="Of"/>, for callers that replay a history once for several things.</summary>
    public sealed class Tally
    {
        private Phase _phase = Phase.Clear;
        private bool _open = true;
        private int _reports;
        private DateOnly _since;
        private Start _start;

        public HoldDecay? Decay => _open && Watched(_phase) && _reports > 0 ? new HoldDecay(_reports, _since, _start) : null;

        public void Add(IProblemEvent change)
        {
            switch (change)
            {
                case PhaseAdvanced { To: Phase.Hold } e:
                    Restart(e.To, London.Today(e.AdvancedAt), Start.MovedToHold);
                    break;
                case PhaseAdvanced e:
                    _phase = e.To;
                    break;
                case PhaseReverted e:
                    Restart(e.To, London.Today(e.RevertedAt), Start.MovedToHold);
                    break;
                case ReviewRecorded e:
                    Restart(_phase, e.MeetingOn, Start.Review);
                    break;
                case RecurrenceLogged when Watched(_phase):
                    _reports++;
                    break;
                case ProblemClosed:
                    _open = false;
                    _reports = 0;
                    break;
                case ProblemReopened e:
                    _open = true;
                    Restart(_phase, London.Today(e.ReopenedAt), Start.Reopened);
                    break;
            }
        }

        private void Restart(Phase phase, DateOnly since, Start start)
        {
            _phase = phase;
            _reports = 0;
            _since = since;
            _start = start;
        }
    }
}
