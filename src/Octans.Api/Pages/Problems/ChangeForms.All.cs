using System.Globalization;
using Octans.Domain;

namespace Octans.Api.Pages.Problems;

/// <summary>Every change form, in the order the problem page offers them.</summary>
public sealed partial record ChangeForm
{
    private static ChangeForm Of<TCommand>(string key, string title, string button, IReadOnlyList<FormField> fields, Func<ChangeContext, TCommand> build)
        where TCommand : IProblemCommand => new(key, title, button, fields, typeof(TCommand), c => build(c));

    public static IReadOnlyList<(string, string)> Phases { get; } = [.. Enum.GetNames<Phase>().Select(p => (p, p))];

    private static IReadOnlyList<(string, string)> TeamOptions(ChangeContext c) =>
        [("", "Choose a team"), .. c.Teams.OrderBy(t => t.Name).Select(t => (t.Id.ToString(), $"{t.Name} ({t.Partner})"))];

    private static IReadOnlyList<FormField> PhotoFields { get; } =
    [
        new("photo", "Photo", FieldKind.Photo, "A JPEG or PNG of up to 10 MB. Where and with what camera it was taken is not kept."),
        new("when", "When was it taken", FieldKind.Radios) { Options = _ => [("Before", "Before the work"), ("After", "After the work")], Missing = "Select when it was taken" },
    ];

    private static FormField Reason(string label, string missing, string? hint = null) =>
        new("reason", label, FieldKind.Textarea, hint) { Missing = missing, MaxLength = TextLimits.LongText };

    private static FormField LongText(string name, string label, string missing, string? hint = null) =>
        new(name, label, FieldKind.Textarea, hint) { Missing = missing, MaxLength = TextLimits.LongText };

    public static IReadOnlyList<ChangeForm> All { get; } =
    [
        Of("place", "Change the place", "Change place",
            [
                new("location.description", "Where is it", FieldKind.Text, "A street, a stretch of street or a landmark, for example ‘Burr Street garages’.")
                    { Default = c => c.Problem.Location.Description, Missing = "Enter where it is" },
                new("location.latitude", "Latitude (optional)", FieldKind.Text) { Default = c => Invariant(c.Problem.Location.Latitude) },
                new("location.longitude", "Longitude (optional)", FieldKind.Text) { Default = c => Invariant(c.Problem.Location.Longitude) },
            ],
            c => new ReviseDetails(null, null, null, null, c.Problem.Location with
            {
                Description = c.Text("location.description"),
                Latitude = c.Number("location.latitude", "Enter the latitude as a number, like 51.8853"),
                Longitude = c.Number("location.longitude", "Enter the longitude as a number, like -0.4151"),
            })) with { Intro = "Give the address, and the pin's latitude and longitude if you know them, or drop the pin on the map." },
        .. DetailForms.All,
        Of("plan-action", "Plan an action", "Plan action",
            [
                new("description", "What needs doing", FieldKind.Textarea, "Say what and where, for example ‘Replace the lamp in column 14’.")
                    { Missing = "Enter what needs doing", MaxLength = TextLimits.Description },
                new("teamId", "Team", FieldKind.Select) { Options = TeamOptions, Missing = "Select the team" },
                new("assignee", "Assigned to (optional)", FieldKind.Text, "A role or crew, not a member of the public."),
                new("dueOn", "Due date", FieldKind.Date, "For example, 30 11 2026") { Missing = "Enter the due date" },
                new("phase", "Phase", FieldKind.Radios) { Options = _ => Phases, Default = c => c.Problem.Phase.ToString(), Missing = "Select the phase" },
            ],
            c => new PlanAction(Guid.CreateVersion7(), c.Text("description"), c.Team("teamId") ?? Guid.Empty, c.Date("dueOn"), c.Choose<Phase>("phase"),
                c.Optional("assignee"))),
        Of("complete", "Complete an action", "Complete action",
            [LongText("note", "What was done", "Enter what was done", "This goes in the action log.")],
            c => new CompleteAction(c.Action!.Id, c.Text("note"))) with { About = ChangeAbout.Action },
        Of("reschedule", "Change the due date", "Change due date",
            [new("dueOn", "New due date", FieldKind.Date, "For example, 30 11 2026") { Missing = "Enter the new due date" }, Reason("Why the date is changing", "Enter why the date is changing")],
            c => new RescheduleAction(c.Action!.Id, c.Date("dueOn"), c.Text("reason"))) with { About = ChangeAbout.Action },
        Of("reassign", "Reassign an action", "Reassign action",
            [new("teamId", "Team", FieldKind.Select) { Options = TeamOptions, Default = c => c.Action?.TeamId.ToString(), Missing = "Select the team" }, new("assignee", "Assigned to (optional)", FieldKind.Text)],
            c => new ReassignAction(c.Action!.Id, c.Team("teamId") ?? Guid.Empty, c.Optional("assignee"))) with { About = ChangeAbout.Action },
        Of("cancel", "Cancel an action", "Cancel action",
            [Reason("Why it is no longer needed", "Enter why it is no longer needed")],
            c => new CancelAction(c.Action!.Id, c.Text("reason"))) with { About = ChangeAbout.Action },
        Of("reopen-action", "Reopen an action", "Reopen action",
            [Reason("Why it needs doing again", "Enter why it needs doing again")],
            c => new ReopenAction(c.Action!.Id, c.Text("reason"))) with { About = ChangeAbout.Action },
        Of("add-photo", "Add a photo", "Add photo", PhotoFields,
            c => new AddActionPhoto(c.Action!.Id, c.PhotoId, c.Choose<BeforeOrAfter>("when"))) with { About = ChangeAbout.Action },
        Of("add-photo", "Add a photo", "Add photo", PhotoFields,
            c => new AddExitCriterionPhoto(c.Criterion!.Id, c.PhotoId, c.Choose<BeforeOrAfter>("when"))) with { About = ChangeAbout.Criterion },
        Of("add-criterion", "Add an exit criterion", "Add exit criterion",
            [
                LongText("text", "What must be true to leave the phase", "Enter what must be true to leave the phase", "For example, ‘No fly-tipping reported for four weeks’."),
                new("phase", "Phase", FieldKind.Radios) { Options = _ => Phases, Default = c => c.Problem.Phase.ToString(), Missing = "Select the phase" },
            ],
            c => new AddExitCriterion(Guid.CreateVersion7(), c.Choose<Phase>("phase"), c.Text("text"))),
        Of("meet", "Mark an exit criterion as met", "Mark as met",
            [LongText("evidence", "Evidence", "Enter the evidence", "What shows it is met, for example ‘Two night inspections found all columns lit’.")],
            c => new MeetExitCriterion(c.Criterion!.Id, c.Text("evidence"))) with { About = ChangeAbout.Criterion },
        Of("record-review", "Record a review", "Record review",
            [
                new("meetingOn", "Meeting date", FieldKind.Date, "For example, 10 11 2026") { Missing = "Enter the meeting date" },
                new("rag", "Confidence", FieldKind.Radios, "How confident the partnership is that the problem is under control.")
                    { Options = _ => [("Red", "Red – not under control"), ("Amber", "Amber – improving"), ("Green", "Green – under control")], Missing = "Select the confidence" },
                LongText("decision", "Decision", "Enter the decision"),
                new("nextReviewOn", "Next review (optional)", FieldKind.Date, "For example, 8 12 2026"),
            ],
            c => new RecordReview(c.Date("meetingOn"), c.Choose<Rag>("rag"), c.Text("decision"), c.Date("nextReviewOn"))),
        Of("log-recurrence", "Log a recurrence", "Log recurrence",
            [
                new("observedOn", "When was it seen", FieldKind.Date, "For example, 12 11 2026") { Missing = "Enter when it was seen" },
                new("description", "What came back", FieldKind.Textarea) { Missing = "Enter what came back", MaxLength = TextLimits.Description },
                new("source", "How it was reported (optional)", FieldKind.Text, "For example, ‘Police patrol’ or ‘Residents’ meeting’."),
            ],
            c => new LogRecurrence(c.Date("observedOn"), c.Text("description"), c.Optional("source"))),
        Of("revert", "Go back a phase", "Go back a phase",
            [Reason("Why the problem is going back", "Enter why the problem is going back")],
            c => new RevertPhase(c.Text("reason"))),
        Of("close", "Close the problem", "Close problem",
            [
                new("outcome", "Outcome", FieldKind.Radios)
                {
                    Options = _ =>
                    [
                        ("Resolved", "Resolved – the problem has gone"), ("ReducedAndManaged", "Reduced and managed as usual business"),
                        ("HandedOver", "Handed over to another body"), ("NoFurtherAction", "No further action possible"),
                        ("Duplicate", "Duplicate of another problem"),
                    ],
                    Missing = "Select the outcome",
                },
                new("duplicateOf", "Reference of the problem it duplicates (only for a duplicate)", FieldKind.Text, "For example, HT-0007")
                    { Missing = "Enter the reference of the problem it duplicates" },
                LongText("note", "Closing note", "Enter the closing note"),
            ],
            c => new CloseProblem(c.Choose<Outcome>("outcome"), c.Text("note"), c.DuplicateOf)),
        Of("reopen", "Reopen the problem", "Reopen problem",
            [Reason("Why it is being reopened", "Enter why it is being reopened")],
            c => new ReopenProblem(c.Text("reason"))),
    ];

    private static string? Invariant(double? degrees) => degrees?.ToString(CultureInfo.InvariantCulture);
}
