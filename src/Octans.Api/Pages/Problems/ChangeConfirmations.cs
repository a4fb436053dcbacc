using Octans.Api.Problems.Timeline;
using Octans.Domain;

namespace Octans.Api.Pages.Problems;

/// <summary>
/// What a change from the pages did, for the GOV.UK success banner, said from the problem as the change left it:
/// "HT-0093 moved from Clear to Hold", "Action planned for Clean Streets, due 4 December 2026".
/// </summary>
public static class ChangeConfirmations
{
    public static string Of(IProblemCommand command, Problem after, Func<Guid, string> teamName)
    {
        string Action(Guid id) => after.FindAction(id) is { } action ? $"‘{action.Description}’" : "";
        string Criterion(Guid id) => after.FindExitCriterion(id) is { } criterion ? $"‘{criterion.Text}’" : "";
        string Due(Guid id) => after.FindAction(id) is { } action ? London.Written(action.DueOn) : "";
        return command switch
        {
            ReviseDetails => $"The place of {after.Reference} is now {after.Location.Description}",
            PlanAction c => $"Action planned for {teamName(c.TeamId)}, due {Due(c.ActionId)}",
            CompleteAction c => $"Action {Action(c.ActionId)} completed",
            RescheduleAction c => $"Action {Action(c.ActionId)} is now due {Due(c.ActionId)}",
            ReassignAction c => $"Action {Action(c.ActionId)} reassigned to {teamName(c.TeamId)}",
            CancelAction c => $"Action {Action(c.ActionId)} cancelled",
            ReopenAction c => $"Action {Action(c.ActionId)} reopened, due {Due(c.ActionId)}",
            AddActionPhoto c => $"Photo from {When(c.When)} the work added to the action {Action(c.ActionId)}",
            AddExitCriterionPhoto c => $"Photo from {When(c.When)} the work added to the exit criterion {Criterion(c.CriterionId)}",
            AddExitCriterion c => $"{after.FindExitCriterion(c.CriterionId)?.Phase} exit criterion added: {Criterion(c.CriterionId)}",
            MeetExitCriterion c => $"Exit criterion {Criterion(c.CriterionId)} met",
            RecordReview c => $"Review recorded: confidence {c.Rag}, "
                + (c.NextReviewOn is { } next ? $"next review {London.Written(next)}" : "no next review set"),
            LogRecurrence c => $"Recurrence logged, seen on {(c.ObservedOn is { } seen ? London.Written(seen) : "")}",
            AdvancePhase => $"{after.Reference} moved from {after.Phase.Previous()} to {after.Phase}",
            RevertPhase => $"{after.Reference} moved back from {after.Phase.Next()} to {after.Phase}",
            CloseProblem c => $"{after.Reference} closed: {TimelineLines.OutcomeWords(c.Outcome!.Value)}",
            ReopenProblem => $"{after.Reference} reopened, in {after.Phase}",
            _ => $"{after.Reference} changed",
        };
    }

    private static string When(BeforeOrAfter? when) => when == BeforeOrAfter.Before ? "before" : "after";
}
