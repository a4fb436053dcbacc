using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Octans.Api.Reports.Requesting;
using Octans.Api.Setup;
using Octans.Api.Tests.Problems;
using Octans.Domain;
using static Octans.Api.Tests.Problems.ProblemsApi;

namespace Octans.Api.Tests.Operations;

/// <summary>
/// The requests that once answered 500, and the one rule for each kind of bad input at the edge of the API: it is a 4xx
/// problem with a sentence, names the field where it can, shows no internals and changes nothing.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class BadInputTests(AppFixture app)
{
    [Theory]
    [InlineData("null")]
    [InlineData("")]
    [InlineData("[]")]
    [InlineData("\"text\"")]
    public async Task A_body_that_is_not_an_object_is_a_400_for_signing_in_and_for_writes(string body)
    {
        var problem = await app.ReportProblemWithAction();

        var signIn = await Send(HttpMethod.Post, "/api/auth/token", body, token: null);
        var write = await Send(HttpMethod.Post, $"/api/problems/{problem.Id}/notes", body);

        foreach (var answer in new[] { signIn, write })
        {
            answer.Status.ShouldBe(400);
            answer.Detail.ShouldStartWith("The request body must be a JSON object");
        }
        (await app.Details(problem.Id)).Version.ShouldBe(problem.Version);
    }

    [Fact]
    public async Task A_field_of_the_wrong_type_is_a_400_naming_the_field_without_the_names_of_types()
    {
        var answer = await Send(HttpMethod.Post, "/api/problems", """{ "title": 1 }""");

        answer.Status.ShouldBe(400);
        answer.Errors.Keys.ShouldBe(["title"]);
        answer.Text.ShouldNotContain("Octans.Api");
        answer.Text.ShouldNotContain("Path: $");
    }

    [Fact]
    public async Task A_control_character_in_a_text_field_is_a_400_naming_the_field_and_nothing_is_kept()
    {
        var problem = await app.ReportProblemWithAction();

        var answer = await Send(HttpMethod.Post, $"/api/problems/{problem.Id}/notes", $$"""{ "version": {{problem.Version}}, "text": "Lamp out\u0000 again" }""");

        answer.Status.ShouldBe(400);
        answer.Errors["text"].ShouldBe(["The 'text' field contains a character that cannot be stored (U+0000), such as a control code; remove it."]);
        (await app.Details(problem.Id)).Version.ShouldBe(problem.Version);
    }

    [Fact]
    public async Task Tabs_and_line_breaks_are_text_and_are_kept()
    {
        var problem = await app.ReportProblemWithAction();

        var answer = await Send(HttpMethod.Post, $"/api/problems/{problem.Id}/notes", $$"""{ "version": {{problem.Version}}, "text": "Lamp out.\r\n\tAgain." }""");

        answer.Status.ShouldBe(200);
    }

    [Fact]
    public async Task A_control_character_in_the_query_string_is_a_400_naming_it()
    {
        var answer = await Send(HttpMethod.Get, "/api/problems?q=lamp%01", body: null);

        answer.Status.ShouldBe(400);
        answer.Errors.Keys.ShouldBe(["q"]);
    }

    [Fact]
    public async Task A_body_that_is_not_UTF8_is_a_400()
    {
        var answer = await SendBytes(HttpMethod.Post, "/api/problems", [.. "{\"title\":\""u8, 0xFF, 0xFE, .. "\"}"u8]);

        answer.Status.ShouldBe(400);
        answer.Detail.ShouldBe("The request body is not valid UTF-8 text. Send JSON encoded as UTF-8.");
    }

    [Fact]
    public async Task A_body_nested_deeper_than_any_request_is_a_400()
    {
        var answer = await Send(HttpMethod.Post, "/api/problems", """{ "location": """ + new string('[', 1_000) + new string(']', 1_000) + "}");

        answer.Status.ShouldBe(400);
    }

    [Fact]
    public async Task A_body_larger_than_any_request_needs_is_a_413()
    {
        var answer = await Send(HttpMethod.Post, "/api/problems", $$"""{ "title": "{{new string('a', RequestChecks.MaxBodyBytes)}}" }""");

        answer.Status.ShouldBe(413);
        answer.Detail.ShouldStartWith("The request body is larger than Octans accepts.");
    }

    [Fact]
    public async Task A_body_that_is_not_JSON_is_a_415_saying_what_to_send()
    {
        var answer = await SendBytes(HttpMethod.Post, "/api/problems", "title=Lamps"u8.ToArray(), "application/x-www-form-urlencoded");

        answer.Status.ShouldBe(415);
        answer.Detail.ShouldBe("Send the request body as JSON with the header 'Content-Type: application/json'.");
    }

    [Theory]
    [InlineData("/api/problems/not-a-guid")]
    [InlineData("/api/problems/00000000-0000-0000-0000-00000000000G/timeline")]
    [InlineData("/api/no-such-thing")]
    public async Task An_address_that_names_nothing_is_a_404_with_a_sentence(string url)
    {
        var answer = await Send(HttpMethod.Get, url, body: null, accept: "text/html");

        answer.Status.ShouldBe(404);
        answer.Detail.ShouldStartWith("There is nothing at this address.");
    }

    [Fact]
    public async Task A_month_far_in_the_future_is_a_400_naming_the_month()
    {
        var answer = await Send(HttpMethod.Post, "/api/reports/monthly", """{ "area": "High Town", "month": "9999-12" }""");

        answer.Status.ShouldBe(400);
        var today = app.Today();
        answer.Errors["month"].ShouldBe([PickedDays.Refusal("month", today)]);
    }

    [Fact]
    public async Task A_team_member_may_not_move_their_own_due_date_to_the_year_9999()
    {
        var problem = await app.ReportProblemWithAction(Octans.Api.ReferenceData.Team.StreetLighting.Id);

        var result = await app.Post(Lighting, $"/api/problems/{problem.Id}/actions/{problem.ActionId}/reschedule",
            new { version = problem.Version, dueOn = "9999-12-31", reason = "Parts on order." }, 400);

        (await result.Errors())["dueOn"].ShouldBe([PickedDays.Refusal("due date", app.Today())]);
        (await app.Details(problem.Id)).Version.ShouldBe(problem.Version);
    }

    [Fact]
    public async Task Two_administrators_adding_the_same_team_at_once_add_it_once()
    {
        var name = $"Night patrol {Guid.NewGuid():N}"[..24];
        var token = await app.TokenFor(ProblemsApi.Admin);

        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
            Send(HttpMethod.Post, "/api/teams", JsonSerializer.Serialize(new { name = i % 2 == 0 ? name : name.ToUpperInvariant(), partner = "Luton Council" }), token: token)));

        answers.Count(a => a.Status == 201).ShouldBe(1);
        foreach (var refused in answers.Where(a => a.Status != 201))
        {
            refused.Status.ShouldBe(400);
            refused.Errors["name"].ShouldBe(["There is already a team with this name."]);
        }
    }

    [Fact]
    public async Task Two_administrators_adding_the_same_category_at_once_add_it_once()
    {
        var name = $"Dumped trolleys {Guid.NewGuid():N}"[..28];
        var token = await app.TokenFor(ProblemsApi.Admin);

        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
            Send(HttpMethod.Post, "/api/categories", JsonSerializer.Serialize(new { name = i % 2 == 0 ? name : name.ToLowerInvariant() }), token: token)));

        answers.Count(a => a.Status == 201).ShouldBe(1);
        foreach (var refused in answers.Where(a => a.Status != 201))
        {
            refused.Status.ShouldBe(400);
            refused.Errors["name"].ShouldBe(["There is already a category with this name."]);
        }
    }

    [Fact]
    public async Task Anything_unexpected_is_a_500_problem_with_a_sentence_and_its_text_goes_to_the_log_only()
    {
        var services = app.Host.Services;
        var answers = new ErrorAnswers(services.GetRequiredService<ILogger<ErrorAnswers>>());
        var context = new DefaultHttpContext { RequestServices = services };
        context.Request.Path = "/error";
        context.Request.Headers.Accept = "text/html";
        context.Response.Body = new MemoryStream();
        context.Features.Set<IExceptionHandlerPathFeature>(new ExceptionHandlerFeature { Path = "/api/problems", Error = new Exception() });
        var secret = $"column secret_{Guid.NewGuid():N} does not exist";

        (await answers.TryHandleAsync(context, new InvalidOperationException(secret), CancellationToken.None)).ShouldBeTrue();

        context.Response.StatusCode.ShouldBe(500);
        context.Response.ContentType.ShouldBe("application/problem+json");
        var text = Encoding.UTF8.GetString(((MemoryStream)context.Response.Body).ToArray());
        JsonDocument.Parse(text).RootElement.GetProperty("detail").GetString()
            .ShouldBe("Something went wrong in Octans and nothing was changed. Try again; if it keeps happening, tell your administrator.");
        text.ShouldNotContain(secret);
        app.Logs.Lines.ShouldContain(line => line.Contains(secret));
    }

    private sealed record Answer(int Status, string Text)
    {
        private JsonElement Body => JsonDocument.Parse(Text).RootElement;
        public string Detail => Body.GetProperty("detail").GetString()!;
        public Dictionary<string, string[]> Errors => Body.GetProperty("errors").Deserialize<Dictionary<string, string[]>>()!;
    }

    private Task<Answer> Send(HttpMethod method, string url, string? body, string? token = "", string? accept = null) =>
        SendBytes(method, url, body is null ? null : Encoding.UTF8.GetBytes(body), "application/json", token, accept);

    private async Task<Answer> SendBytes(HttpMethod method, string url, byte[]? body, string contentType = "application/json", string? token = "",
        string? accept = null)
    {
        using var client = app.Host.Server.CreateClient();
        using var message = new HttpRequestMessage(method, url);
        if (token is not null) message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Length > 0 ? token : await app.TokenFor(Coordinator));
        if (accept is not null) message.Headers.TryAddWithoutValidation("Accept", accept);
        if (body is not null)
        {
            message.Content = new ByteArrayContent(body);
            message.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }
        using var response = await client.SendAsync(message);
        var text = await response.Content.ReadAsStringAsync();
        if ((int)response.StatusCode >= 400) response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json", text);
        return new Answer((int)response.StatusCode, text);
    }
}
