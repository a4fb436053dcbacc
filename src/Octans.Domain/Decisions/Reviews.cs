namespace Octans.Domain;

public sealed record RecordReview(DateOnly? MeetingOn, Rag? Rag, string Decision, DateOnly? NextReviewOn = null) : IProblemCommand;

public static partial class ProblemDecisions
{
    public static Decision Decide(Problem state, RecordReview command, Actor by, DateTimeOffset now)
    {
        if (RefuseIfClosed(state) is { } closed)
            return closed;

        var input = new Input()
            .Given("meetingOn", command.MeetingOn, "Enter the date of the meeting.")
            .Check(command.MeetingOn is not { } meetingOn || meetingOn <= London.Today(now), "meetingOn",
                "The meeting date cannot be in the future.")
            .Day("meetingOn", command.MeetingOn, "meeting date", now)
            .Given("rag", command.Rag, "Choose the RAG rating: Red, Amber or Green.")
            .Required("decision", command.Decision, "decision", TextLimits.LongText)
            .Check(command is not { NextReviewOn: { } next, MeetingOn: { } meeting } || next > meeting, "nextReviewOn",
                "The next review must be after the meeting.")
            .Day("nextReviewOn", command.NextReviewOn, "next review date", now);
        return input.IsValid
            ? Decision.Accept(new ReviewRecorded(
                state.Id, command.MeetingOn!.Value, command.Rag!.Value, command.Decision.Trim(), command.NextReviewOn,
                by, now))
            : input.Refusal();
    }
}
