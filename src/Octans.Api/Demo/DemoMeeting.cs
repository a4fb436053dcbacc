using Octans.Api.ReferenceData;
using Octans.Domain;

namespace Octans.Api.Demo;

/// <summary>
/// The demo's Pathways meeting: High Town's latest meeting day with reviews, made a fortnight ahead, whose decisions are
/// the reviews the stories record that day, each taken by the meeting's own rules, so the minutes read like a real one.
/// </summary>
internal static class DemoMeeting
{
    public static (Guid Id, IReadOnlyList<IMeetingEvent> Events)? Build(IReadOnlyList<ProblemHistory> histories)
    {
        var reviews = histories
            .SelectMany(h => h.Events.Select((e, n) => (History: h, Event: e, Before: h.Events.Take(n))))
            .Where(x => x.Event is ReviewRecorded)
            .Select(x => (x.History, Review: (ReviewRecorded)x.Event, Before: Problem.Replay(x.Before)))
            .ToList();
        if (reviews.Count == 0) return null;
        var heldOn = reviews.Max(r => r.Review.MeetingOn);
        var decided = reviews.Where(r => r.Review.MeetingOn == heldOn).OrderBy(r => r.Review.RecordedAt).ToList();

        var id = DemoIds.For("meetings/pathways");
        var arranging = MeetingDecisions.Arrange(new ArrangeMeeting(id, Area.HighTown.Name, MeetingKind.Pathways, heldOn),
            StoryTeller.Coordinator, London.StartOfDay(heldOn.AddDays(-14)).AddHours(9));
        if (arranging.IsRefused) throw new InvalidOperationException($"The demo's Pathways meeting was refused: {arranging.Detail}");
        var events = new List<IMeetingEvent>(arranging.Events);
        var meeting = Meeting.Replay(events);
        var agenda = decided
            .Select(r => new AgendaItem(r.History.ProblemId, r.Before.Reference, r.Before.Title, r.Before.Phase, null, [AgendaReason.DueForReview], null))
            .ToList();
        foreach (var (_, review, _) in decided)
        {
            var decision = MeetingDecisions.Decide(meeting, agenda,
                new RecordMeetingDecision(review.ProblemId, meeting.ReviewOf(review.Rag, review.Decision, review.NextReviewOn)), review.By, review.RecordedAt);
            if (decision.IsRefused) throw new InvalidOperationException($"The demo's Pathways decision was refused: {decision.Detail}");
            foreach (var e in decision.Events) meeting.Play(e);
            events.AddRange(decision.Events);
        }
        return (id, events);
    }
}
