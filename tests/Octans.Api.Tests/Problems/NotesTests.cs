using Alba;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Octans.Api.Problems;
using static Octans.Api.Tests.Problems.ProblemsApi;

namespace Octans.Api.Tests.Problems;

[Collection(ApiCollection.Name)]
public sealed class NotesTests(AppFixture app)
{
    [Fact]
    public async Task A_team_member_adds_a_note_and_gets_the_new_version()
    {
        var created = await app.ReportProblem();

        var result = await app.Post(Lighting, $"/api/problems/{created.Id}/notes", new { version = created.Version, text = "Column 14 door found open; made safe." });

        (await result.ReadAsJsonAsync<WriteAccepted>())!.Version.ShouldBe(created.Version + 1);
        var details = await app.Details(created.Id);
        details.Version.ShouldBe(created.Version + 1);
        var note = details.Notes.Single();
        note.Text.ShouldBe("Column 14 door found open; made safe.");
        note.By.ShouldBe("Lee Lighting");
        note.At.ShouldBe(app.Clock.GetUtcNow());
    }

    [Fact]
    public async Task Two_clients_writing_with_the_same_version_get_one_200_and_one_409_with_the_current_version()
    {
        var created = await app.ReportProblem();

        var first = await app.Post(Coordinator, $"/api/problems/{created.Id}/notes", new { version = created.Version, text = "First." });
        var second = await app.Post(Lighting, $"/api/problems/{created.Id}/notes", new { version = created.Version, text = "Second." }, 409);

        var conflict = (await second.ReadAsJsonAsync<ProblemDetails>())!;
        conflict.Extensions["currentVersion"]!.ToString().ShouldBe("2");
        (await app.Details(created.Id)).Notes.Select(n => n.Text).ShouldBe(["First."]);
        (await first.ReadAsJsonAsync<WriteAccepted>())!.Version.ShouldBe(2);
    }

    [Fact]
    public async Task Two_clients_writing_at_the_same_moment_never_both_succeed()
    {
        var created = await app.ReportProblem();

        var outcomes = await Task.WhenAll(Enumerable.Range(1, 6).Select(async n =>
        {
            var token = await app.TokenFor(Coordinator);
            var result = await app.Host.Scenario(s =>
            {
                s.Post.Json(new { version = created.Version, text = $"Racing note {n}." }).ToUrl($"/api/problems/{created.Id}/notes");
                s.WithBearerToken(token);
                s.IgnoreStatusCode();
            });
            return result.Context.Response.StatusCode;
        }));

        outcomes.Count(code => code == 200).ShouldBe(1, $"answers: {string.Join(", ", outcomes)}");
        outcomes.Count(code => code == 409).ShouldBe(5, $"answers: {string.Join(", ", outcomes)}");
        (await app.Details(created.Id)).Notes.Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_blank_note_is_a_400_naming_the_text_field()
    {
        var created = await app.ReportProblem();
        var result = await app.Post(Coordinator, $"/api/problems/{created.Id}/notes", new { version = created.Version, text = "  " }, 400);
        (await result.ReadAsJsonAsync<HttpValidationProblemDetails>())!.Errors.ShouldContainKey("text");
        (await app.Details(created.Id)).Version.ShouldBe(created.Version);
    }

    [Fact]
    public async Task A_note_over_4000_characters_is_a_400()
    {
        var created = await app.ReportProblem();
        await app.Post(Coordinator, $"/api/problems/{created.Id}/notes", new { version = created.Version, text = new string('a', 4001) }, 400);
    }

    [Fact]
    public async Task A_note_without_a_version_is_a_400()
    {
        var created = await app.ReportProblem();
        var result = await app.Post(Coordinator, $"/api/problems/{created.Id}/notes", new { text = "No version." }, 400);
        (await result.ReadAsJsonAsync<HttpValidationProblemDetails>())!.Errors.ShouldContainKey("version");
    }

    [Fact]
    public async Task A_note_on_an_unknown_problem_is_a_404() =>
        await app.Post(Coordinator, $"/api/problems/{Guid.CreateVersion7()}/notes", new { version = 1, text = "Hello?" }, 404);

    [Fact]
    public async Task A_councillor_may_not_add_a_note()
    {
        var created = await app.ReportProblem();
        await app.Post(Councillor, $"/api/problems/{created.Id}/notes", new { version = created.Version, text = "Looks bad." }, 403);
    }
}
