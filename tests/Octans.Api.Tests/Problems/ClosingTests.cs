using Octans.Domain;
using static Octans.Api.Tests.Problems.ProblemsApi;

namespace Octans.Api.Tests.Problems;

[Collection(ApiCollection.Name)]
public sealed class ClosingTests(AppFixture app)
{
    [Fact]
    public async Task Closing_records_the_outcome_and_cancels_the_open_actions()
    {
        var problem = await app.ReportProblemWithAction();

        var result = await app.Post(Coordinator, $"/api/problems/{problem.Id}/close",
            new { version = problem.Version, outcome = "ReducedAndManaged", note = "Columns repaired; patrols handed to business as usual." });

        // The open action is cancelled in the same write, so the version moves on by two.
        (await result.NewVersion()).ShouldBe(problem.Version + 2);
        var details = await app.Details(problem.Id);
        details.Status.ShouldBe(ProblemStatus.Closed);
        details.Outcome.ShouldBe(Outcome.ReducedAndManaged);
        details.ClosingNote.ShouldBe("Columns repaired; patrols handed to business as usual.");
        details.Actions.Single().Status.ShouldBe(ActionStatus.Cancelled);
        details.OpenActions.ShouldBe(0);
    }

    [Fact]
    public async Task A_problem_closed_as_a_duplicate_names_the_problem_it_duplicates()
    {
        var original = await app.ReportProblem();
        var duplicate = await app.ReportProblem();

        await app.Post(Coordinator, $"/api/problems/{duplicate.Id}/close",
            new { version = duplicate.Version, outcome = "Duplicate", note = "Same columns as the earlier report.", duplicateOf = original.Id });

        var details = await app.Details(duplicate.Id);
        details.Outcome.ShouldBe(Outcome.Duplicate);
        details.DuplicateOf.ShouldBe(original.Id);
    }

    [Fact]
    public async Task A_duplicate_without_the_problem_it_duplicates_is_a_400_naming_it()
    {
        var created = await app.ReportProblem();
        var result = await app.Post(Coordinator, $"/api/problems/{created.Id}/close",
            new { version = created.Version, outcome = "Duplicate", note = "Reported twice." }, 400);
        (await result.Errors()).ShouldContainKey("duplicateOf");
        (await app.Details(created.Id)).Status.ShouldBe(ProblemStatus.Open);
    }

    [Fact]
    public async Task A_duplicate_of_a_problem_that_does_not_exist_is_a_400_naming_it()
    {
        var created = await app.ReportProblem();
        var result = await app.Post(Coordinator, $"/api/problems/{created.Id}/close",
            new { version = created.Version, outcome = "Duplicate", note = "Reported twice.", duplicateOf = Guid.CreateVersion7() }, 400);
        (await result.Errors())["duplicateOf"].Single().ShouldContain("no problem");
    }

    [Fact]
    public async Task An_outcome_that_is_not_one_of_the_outcomes_is_a_400_naming_it()
    {
        var created = await app.ReportProblem();
        var result = await app.Post(Coordinator, $"/api/problems/{created.Id}/close", new { version = created.Version, outcome = "Fixed", note = "Done." }, 400);
        (await result.Errors())["outcome"].Single().ShouldContain("NoFurtherAction");
    }

    [Fact]
    public async Task Closing_needs_a_note()
    {
        var created = await app.ReportProblem();
        var result = await app.Post(Coordinator, $"/api/problems/{created.Id}/close", new { version = created.Version, outcome = "Resolved" }, 400);
        (await result.Errors()).ShouldContainKey("note");
    }

    [Fact]
    public async Task A_closed_problem_refuses_writes_until_it_is_reopened()
    {
        var created = await app.ReportProblem();
        var closed = await app.Post(Coordinator, $"/api/problems/{created.Id}/close", new { version = created.Version, outcome = "Resolved", note = "All lit." });
        var version = await closed.NewVersion();

        var refused = await app.Post(Lighting, $"/api/problems/{created.Id}/notes", new { version, text = "Still lit." }, 400);
        (await refused.Detail()).ShouldContain("reopen it");
        await app.Post(Coordinator, $"/api/problems/{created.Id}/advance", new { version }, 400);

        var reopened = await app.Post(Coordinator, $"/api/problems/{created.Id}/reopen", new { version, reason = "Column 14 dark again." });
        await app.Post(Lighting, $"/api/problems/{created.Id}/notes", new { version = await reopened.NewVersion(), text = "Column 14 dark again." });

        var details = await app.Details(created.Id);
        details.Status.ShouldBe(ProblemStatus.Open);
        details.Outcome.ShouldBeNull();
        details.Notes.Single().Text.ShouldBe("Column 14 dark again.");
    }

    [Fact]
    public async Task Reopening_needs_a_reason()
    {
        var created = await app.ReportProblem();
        var closed = await app.Post(Coordinator, $"/api/problems/{created.Id}/close", new { version = created.Version, outcome = "Resolved", note = "All lit." });
        var result = await app.Post(Coordinator, $"/api/problems/{created.Id}/reopen", new { version = await closed.NewVersion() }, 400);
        (await result.Errors()).ShouldContainKey("reason");
    }

    [Fact]
    public async Task An_open_problem_cannot_be_reopened_and_a_closed_one_cannot_be_closed_again()
    {
        var created = await app.ReportProblem();
        (await (await app.Post(Coordinator, $"/api/problems/{created.Id}/reopen", new { version = created.Version, reason = "Why not." }, 400)).Detail())
            .ShouldContain("open already");

        var closed = await app.Post(Coordinator, $"/api/problems/{created.Id}/close", new { version = created.Version, outcome = "Resolved", note = "All lit." });
        (await (await app.Post(Coordinator, $"/api/problems/{created.Id}/close",
                new { version = await closed.NewVersion(), outcome = "Resolved", note = "Again." }, 400)).Detail())
            .ShouldContain("closed already");
    }
}
