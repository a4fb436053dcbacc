using System.Text.RegularExpressions;
using Alba;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Octans.Api.Demo;
using Octans.Api.Problems.Actions;
using Octans.Api.Problems.ExitCriteria;
using Octans.Api.ReferenceData;
using Octans.Api.Tests.Operations;
using static Octans.Api.Tests.Problems.ProblemsApi;

namespace Octans.Api.Tests.SigningIn;

/// <summary>
/// Who may do what, as one table: every route the app serves, asked by nobody and by each role. The table follows
/// API.md version 1 and, where it is silent, Policies and WhoMay. A route the app serves that is not in the table, or a
/// row for a route it no longer serves, fails the first test.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed partial class WhoMayDoWhatTests(AppFixture app)
{
    // 401: must sign in first; 403: this role may not; ok: neither (the answer may still be 200, 400 or 404, as the
    // requests carry empty bodies and name a problem of the test's own). Pages say 401 and 403 by sending the browser
    // to /sign-in and /forbidden. TeamMember is of the Street Lighting team, whose action the test plans; OtherTeam is
    // a member of Clean Streets. Signing out comes last, so it cannot end the sessions the other rows use.
    private const string Table = """
        route                                                        anonymous coordinator teammember otherteam councillor admin
        POST /api/auth/token                                         ok        ok          ok         ok        ok         ok
        POST /api/auth/password                                      401       ok          ok         ok        ok         ok
        POST /api/auth/password-reset                                ok        ok          ok         ok        ok         ok
        GET  /api/account/reminders                                  401       ok          ok         ok        ok         ok
        POST /api/account/reminders                                  401       ok          ok         ok        ok         ok
        GET  /api/areas                                              401       ok          ok         ok        ok         ok
        GET  /api/categories                                         401       ok          ok         ok        ok         ok
        POST /api/categories                                         401       403         403        403       403        ok
        DELETE /api/categories/{name}                                401       403         403        403       403        ok
        POST /api/categories/{name}/sensitivity                      401       403         403        403       403        ok
        GET  /api/teams                                              401       ok          ok         ok        ok         ok
        POST /api/teams                                              401       403         403        403       403        ok
        GET  /api/teams/{teamId}/actions                             401       ok          ok         403       ok         ok
        GET  /api/dashboard                                          401       ok          ok         ok        ok         ok
        GET  /api/dashboard/breakdown                                401       ok          ok         ok        ok         ok
        GET  /api/dashboard/chasing                                  401       ok          ok         ok        ok         ok
        GET  /api/problems                                           401       ok          ok         ok        ok         ok
        GET  /api/map                                                401       ok          ok         ok        ok         ok
        GET  /api/problems.csv                                       401       ok          403        403       ok         ok
        POST /api/problems                                           401       ok          403        403       403        403
        GET  /api/problems/{id}                                      401       ok          ok         ok        ok         ok
        GET  /api/problems/{id}/timeline                             401       ok          ok         ok        ok         ok
        GET  /api/problems/{id}/notes                                401       ok          ok         ok        ok         ok
        POST /api/problems/{id}/details                              401       ok          403        403       403        403
        POST /api/problems/{id}/actions                              401       ok          403        403       403        403
        POST /api/problems/{id}/actions/{actionId}/complete          401       ok          ok         403       403        403
        POST /api/problems/{id}/actions/{actionId}/reopen            401       ok          403        403       403        403
        POST /api/problems/{id}/actions/{actionId}/cancel            401       ok          403        403       403        403
        POST /api/problems/{id}/actions/{actionId}/reassign          401       ok          ok         403       403        403
        POST /api/problems/{id}/actions/{actionId}/reschedule        401       ok          ok         403       403        403
        POST /api/problems/{id}/notes                                401       ok          ok         ok        403        403
        POST /api/problems/{id}/criteria                             401       ok          403        403       403        403
        POST /api/problems/{id}/criteria/{criterionId}/met           401       ok          403        403       403        403
        POST /api/problems/{id}/actions/{actionId}/photos            401       ok          ok         403       403        403
        POST /api/problems/{id}/criteria/{criterionId}/photos        401       ok          403        403       403        403
        GET  /api/photos/{id}                                        401       ok          ok         ok        ok         ok
        POST /api/problems/{id}/reviews                              401       ok          403        403       403        403
        POST /api/problems/{id}/recurrences                          401       ok          ok         ok        403        403
        POST /api/problems/{id}/advance                              401       ok          403        403       403        403
        POST /api/problems/{id}/revert                               401       ok          403        403       403        403
        POST /api/problems/{id}/close                                401       ok          403        403       403        403
        POST /api/problems/{id}/reopen                               401       ok          403        403       403        403
        POST /api/problems/{id}/sensitivity                          401       ok          403        403       403        ok
        POST /api/problems/{id}/public-updates                       401       ok          403        403       403        403
        GET  /community/{areaCode}/feed.atom                         ok        ok          ok         ok        ok         ok
        GET  /community/{areaCode}/{month}.txt                       ok        ok          ok         ok        ok         ok
        POST /api/reports/monthly                                    401       ok          403        403       403        ok
        POST /api/reports/pathways                                   401       ok          403        403       403        ok
        GET  /api/reports/jobs/{jobId}                               401       ok          403        403       403        ok
        GET  /api/reports                                            401       ok          ok         ok        ok         ok
        GET  /api/reports/{id}/pdf                                   401       ok          ok         ok        ok         ok
        GET  /api/users                                              401       403         403        403       403        ok
        POST /api/users                                              401       403         403        403       403        ok
        POST /api/users/{id}/disable                                 401       403         403        403       403        ok
        POST /api/users/{id}/enable                                  401       403         403        403       403        ok
        POST /api/users/{id}/role                                    401       403         403        403       403        ok
        POST /api/users/{id}/password-reset                          401       403         403        403       403        ok
        POST /api/users/{id}/two-step                                401       403         403        403       403        ok
        POST /api/users/{id}/two-step/reset                          401       403         403        403       403        ok
        GET  /api/inbox                                              401       ok          403        403       403        403
        POST /api/inbox                                              401       ok          ok         ok        403        403
        POST /api/inbox/upload                                       401       ok          403        403       403        403
        POST /api/inbox/{id}/attach                                  401       ok          403        403       403        403
        POST /api/inbox/{id}/promote                                 401       ok          403        403       403        403
        POST /api/inbox/{id}/dismiss                                 401       ok          403        403       403        403
        GET  /api/meetings                                           401       ok          ok         ok        ok         ok
        POST /api/meetings                                           401       ok          403        403       403        403
        GET  /api/meetings/{id}                                      401       ok          ok         ok        ok         ok
        POST /api/meetings/{id}/items                                401       ok          403        403       403        403
        POST /api/meetings/{id}/items/{problemId}/drop               401       ok          403        403       403        403
        POST /api/meetings/{id}/decisions                            401       ok          403        403       403        403
        GET  /api/meetings/{id}/minutes.pdf                          401       ok          ok         ok        ok         ok
        GET  /api/intake/keys                                        401       403         403        403       403        ok
        POST /api/intake/keys                                        401       403         403        403       403        ok
        POST /api/intake/keys/{id}/revoke                            401       403         403        403       403        ok
        GET  /api/admin/changes                                      401       403         403        403       403        ok
        GET  /api/admin/retention                                    401       403         403        403       403        ok
        GET  /open311/v2/discovery.{format}                          ok        ok          ok         ok        ok         ok
        GET  /open311/v2/services.{format}                           ok        ok          ok         ok        ok         ok
        POST /open311/v2/requests.{format}                           ok        ok          ok         ok        ok         ok
        GET  /open311/v2/requests.{format}                           ok        ok          ok         ok        ok         ok
        GET  /open311/v2/requests/{id}.{format}                      ok        ok          ok         ok        ok         ok
        GET  /open311/v2/servicerequestupdates.{format}              403       403         403        403       403        403
        ANY  /health/live                                            ok        ok          ok         ok        ok         ok
        ANY  /health/ready                                           ok        ok          ok         ok        ok         ok
        ANY  /metrics                                                ok        ok          ok         ok        ok         ok
        GET  /openapi/{documentName}.json                            ok        ok          ok         ok        ok         ok
        GET  /api/docs/{documentName?}                               ok        ok          ok         ok        ok         ok
        GET  /api/docs/scalar.js                                     ok        ok          ok         ok        ok         ok
        GET  /api/docs/scalar.aspnetcore.js                          ok        ok          ok         ok        ok         ok
        GET  /api/docs/favicon.svg                                   ok        ok          ok         ok        ok         ok
        ANY  /hangfire/{**path}                                      401       403         403        403       403        ok
        PAGE /sign-in                                                ok        ok          ok         ok        ok         ok
        PAGE /sign-in/code                                           ok        ok          ok         ok        ok         ok
        PAGE /sign-in/with/{provider}/{outcome?}                     ok        ok          ok         ok        ok         ok
        PAGE /                                                       401       ok          ok         ok        ok         ok
        PAGE /error                                                  ok        ok          ok         ok        ok         ok
        PAGE /forbidden                                              ok        ok          ok         ok        ok         ok
        PAGE /dashboard                                              401       ok          ok         ok        ok         ok
        PAGE /problems                                               401       ok          ok         ok        ok         ok
        PAGE /problems/{id:guid}                                     401       ok          ok         ok        ok         ok
        PAGE /problems.csv                                           401       ok          403        403       ok         ok
        PAGE /problems/{id:guid}/{change}                            401       ok          403        403       403        403
        PAGE /problems/{id:guid}/actions/{actionId:guid}/{change}    401       ok          ok         403       403        403
        PAGE /problems/{id:guid}/criteria/{criterionId:guid}/{change} 401      ok          403        403       403        403
        PAGE /report                                                 401       ok          403        403       403        403
        PAGE /report/check                                           401       ok          403        403       403        403
        PAGE /problems/{id:guid}/advance                             401       ok          403        403       403        403
        PAGE /status/{code:int}                                      ok        ok          ok         ok        ok         ok
        PAGE /inbox                                                  401       ok          403        403       403        403
        PAGE /inbox/{id:guid}                                        401       ok          403        403       403        403
        PAGE /inbox/take                                             401       ok          ok         ok        403        403
        PAGE /inbox/upload                                           401       ok          403        403       403        403
        PAGE /meetings                                               401       ok          ok         ok        ok         ok
        PAGE /meetings/{id:guid}                                     401       ok          ok         ok        ok         ok
        PAGE /meetings/{id:guid}/minutes                             401       ok          ok         ok        ok         ok
        PAGE /photos/{id:guid}                                       401       ok          ok         ok        ok         ok
        PAGE /tasks                                                  401       403         ok         ok        403        403
        PAGE /packs/{id:guid}                                        401       ok          ok         ok        ok         ok
        PAGE /packs/{id:guid}/read                                   401       ok          ok         ok        ok         ok
        PAGE /packs/jobs/{jobId}                                     401       ok          403        403       403        ok
        PAGE /admin                                                  401       403         403        403       403        ok
        PAGE /admin/users                                            401       403         403        403       403        ok
        PAGE /admin/users/new                                        401       403         403        403       403        ok
        PAGE /admin/users/{id:guid}/role                             401       403         403        403       403        ok
        PAGE /admin/users/{id:guid}/reset-link                       401       403         403        403       403        ok
        PAGE /admin/users/{id:guid}/disable                          401       403         403        403       403        ok
        PAGE /account/password                                       401       ok          ok         ok        ok         ok
        PAGE /account/two-step                                       401       ok          ok         ok        ok         ok
        PAGE /account/reminders                                      401       ok          ok         ok        ok         ok
        PAGE /reset-password/{token}                                 ok        ok          ok         ok        ok         ok
        PAGE /admin/teams                                            401       403         403        403       403        ok
        PAGE /admin/keys                                             401       403         403        403       403        ok
        PAGE /admin/categories                                       401       403         403        403       403        ok
        PAGE /community/{areaCode}                                   ok        ok          ok         ok        ok         ok
        PAGE /admin/changes                                          401       403         403        403       403        ok
        PAGE /admin/retention                                        401       403         403        403       403        ok
        PAGE /accessibility                                          ok        ok          ok         ok        ok         ok
        PAGE /privacy                                                ok        ok          ok         ok        ok         ok
        PAGE /sign-out                                               ok        ok          ok         ok        ok         ok
        POST /api/auth/sign-out                                      401       ok          ok         ok        ok         ok
        """;

    private static readonly string[] Callers = ["anonymous", Coordinator, Lighting, Streets, Councillor, Problems.ProblemsApi.Admin];

    [Fact]
    public void Every_route_the_app_serves_has_a_row_and_every_row_is_a_route()
    {
        var served = app.Host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(Route).Where(route => route is not null).Distinct().Order().ToList();
        var rows = Rows().Select(row => row.Route).Order().ToList();

        served.Except(rows).ShouldBeEmpty("These routes have no row in the table of who may do what; add one.");
        rows.Except(served).ShouldBeEmpty("These rows name routes the app no longer serves.");
    }

    [Fact]
    public async Task Each_role_gets_what_the_table_says_on_every_route()
    {
        var urls = await UrlsOfTheTestsOwnProblem();
        var credentials = new Dictionary<string, Action<Scenario>> { ["anonymous"] = _ => { } };
        foreach (var email in Callers.Skip(1))
        {
            // Sessions of the test's own: its sign-out row ends them, and no other test may lose its token to that.
            var token = await app.Host.SignIn(email, DemoAccounts.DefaultPassword);
            var cookie = PageSessions.Cookie(await PageSessions.SignInAsync(app.Host, email, DemoAccounts.DefaultPassword));
            credentials[email] = s => { s.WithBearerToken(token); s.WithRequestHeader("Cookie", cookie); };
        }

        var wrong = new List<string>();
        foreach (var row in Rows())
        {
            var url = urls(row.Route);
            for (var i = 0; i < Callers.Length; i++)
            {
                var answer = await Ask(row, url, credentials[Callers[i]]);
                if (answer != row.Expected[i]) wrong.Add($"{row.Route} as {Callers[i]}: expected {row.Expected[i]}, got {answer} ({url})");
            }
        }
        wrong.ShouldBeEmpty();
    }

    private async Task<string> Ask(Row row, string url, Action<Scenario> asCaller)
    {
        var method = row.Method is "PAGE" or "ANY" ? "GET" : row.Method;
        var result = await app.Host.Scenario(s =>
        {
            if (method == "GET") s.Get.Url(url);
            else if (method == "DELETE") s.Delete.Url(url);
            else s.Post.Json(new { }).ToUrl(url);
            asCaller(s);
            s.IgnoreStatusCode();
        });
        var response = result.Context.Response;
        var location = response.Headers.Location.ToString();
        return response.StatusCode switch
        {
            401 => "401",
            403 => "403",
            302 when location.Contains("/sign-in?", StringComparison.Ordinal) => "401",
            302 when location.Contains("/forbidden?", StringComparison.Ordinal) => "403",
            _ => "ok",
        };
    }

    /// <summary>A problem with an action for the Street Lighting team and an exit criterion, and the URL of each route on it.</summary>
    private async Task<Func<string, string>> UrlsOfTheTestsOwnProblem()
    {
        var problem = await app.ReportProblem();
        var planned = await app.Post(Coordinator, $"/api/problems/{problem.Id}/actions",
            new { version = problem.Version, description = "Repair column 14", teamId = Team.StreetLighting.Id, dueOn = app.Today().AddDays(7).ToString("yyyy-MM-dd") });
        var action = (await planned.ReadAsJsonAsync<ActionPlannedAnswer>())!;
        var added = await app.Post(Coordinator, $"/api/problems/{problem.Id}/criteria",
            new { version = action.Version, phase = "Clear", text = "No dark columns for two weeks" });
        var criterion = (await added.ReadAsJsonAsync<ExitCriterionAddedAnswer>())!;

        var values = new Dictionary<string, string>
        {
            ["id"] = problem.Id.ToString(), ["problemId"] = problem.Id.ToString(), ["actionId"] = action.ActionId.ToString(), ["criterionId"] = criterion.CriterionId.ToString(),
            ["teamId"] = Team.StreetLighting.Id.ToString(), ["jobId"] = "999999999", ["name"] = "No such category",
            ["documentName"] = "v1", ["format"] = "xml", ["**path"] = "", ["token"] = "no-such-link",
            ["areaCode"] = "HT", ["month"] = "2026-11", ["provider"] = "no-such-provider", ["outcome"] = "refused", ["code"] = "404",
        };
        return route =>
        {
            var path = route.Split(' ', 2)[1];
            // Each change page is asked for a change only a coordinator (or the action's team) may make.
            path = path.Replace("actions/{actionId:guid}/{change}", "actions/{actionId:guid}/complete")
                .Replace("criteria/{criterionId:guid}/{change}", "criteria/{criterionId:guid}/meet")
                .Replace("{change}", "plan-action");
            return Parameter().Replace(path, m => Uri.EscapeDataString(values[m.Groups[1].Value]).Replace("%2F", "/"));
        };
    }

    private sealed record Row(string Method, string Route, string[] Expected);

    private static IEnumerable<Row> Rows() =>
        Table.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Skip(1)
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(cells => new Row(cells[0], $"{cells[0]} {cells[1]}", cells[2..]))
            .Select(row => row.Expected.Length == Callers.Length ? row : throw new InvalidOperationException($"The row for {row.Route} needs {Callers.Length} answers."));

    /// <summary>"METHOD /pattern" as the table names it: PAGE for a web page, ANY for a route that takes every method.</summary>
    internal static string? Route(RouteEndpoint endpoint)
    {
        var pattern = "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');
        if (endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.RazorPages.PageActionDescriptor>() is not null
            || endpoint.Metadata.OfType<Microsoft.AspNetCore.Mvc.Abstractions.ActionDescriptor>().Any())
            return $"PAGE {pattern}";
        var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods;
        return methods is { Count: > 0 } ? $"{string.Join(",", methods)} {pattern}" : $"ANY {pattern}";
    }

    [GeneratedRegex(@"\{([^}:?]+)[^}]*\}")]
    private static partial Regex Parameter();
}
