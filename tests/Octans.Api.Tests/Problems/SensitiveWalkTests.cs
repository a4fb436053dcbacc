using System.Text.RegularExpressions;
using Alba;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Octans.Api.Demo;
using Octans.Api.Problems.Actions;
using Octans.Api.Problems.ExitCriteria;
using Octans.Api.ReferenceData;
using Octans.Api.Tests.Inbox;
using Octans.Api.Tests.Operations;
using Octans.Api.Tests.Photos;
using Octans.Api.Tests.Reports;
using Octans.Api.Tests.SigningIn;
using Octans.Domain;
using Octans.Testing;
using static Octans.Api.Tests.Problems.ProblemsApi;

namespace Octans.Api.Tests.Problems;

/// <summary>
/// Every read route the app serves, API and pages, walked as each role with a sensitive problem named for the police:
/// its title, reference and id appear only to coordinators, administrators and the police, and where the table says they
/// must, they do. A read route the app serves that the table does not walk fails the first test.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed partial class SensitiveWalkTests(AppFixture app)
{
    // Each row: the route as WhoMayDoWhatTests names it, the addresses walked (placeholders in braces), and who must find
    // the problem there (C coordinator, P police, A administrator; "-" nobody must, as the route names no problems or
    // only counts them). A search asks for part of the title, since the search box shows what was asked. Streets (another team), the councillor and anonymous must never find it. "skip" is not walked.
    private const string Table = """
        GET  /api/account/reminders                  | /api/account/reminders                                                      | -
        GET  /api/areas                              | /api/areas                                                                  | -
        GET  /api/categories                         | /api/categories                                                             | -
        GET  /api/teams                              | /api/teams                                                                  | -
        GET  /api/teams/{teamId}/actions             | /api/teams/{police}/actions                                                 | C P A
        GET  /api/dashboard                          | /api/dashboard?area={area} /api/dashboard                                   | -
        GET  /api/dashboard/breakdown                | /api/dashboard/breakdown?area={area}                                        | -
        GET  /api/dashboard/chasing                  | /api/dashboard/chasing?area={area} /api/dashboard/chasing                   | -
        GET  /api/problems                           | /api/problems?area={area} /api/problems?q={suffix} /api/problems?near={pin}&within=300 | C P A
        GET  /api/map                                | /api/map?area={area}                                                        | C P A
        GET  /api/problems.csv                       | /api/problems.csv?area={area}&columns=reference,title                       | C A
        GET  /api/problems/{id}                      | /api/problems/{problem}                                                     | C P A
        GET  /api/problems/{id}/timeline             | /api/problems/{problem}/timeline                                            | C P A
        GET  /api/problems/{id}/notes                | /api/problems/{problem}/notes                                               | -
        GET  /api/photos/{id}                        | /api/photos/{photo}                                                         | C P A
        GET  /community/{areaCode}/feed.atom         | /community/{code}/feed.atom                                                 | -
        GET  /community/{areaCode}/{month}.txt       | /community/{code}/{month}.txt                                               | -
        GET  /api/reports/jobs/{jobId}               | /api/reports/jobs/{job}                                                     | -
        GET  /api/reports                            | /api/reports?area={area}                                                    | -
        GET  /api/reports/{id}/pdf                   | /api/reports/{pack}/pdf                                                     | -
        GET  /api/users                              | /api/users                                                                  | -
        GET  /api/inbox                              | /api/inbox?area={code}&state=Attached                                       | -
        GET  /api/meetings                           | /api/meetings?area={area}                                                   | -
        GET  /api/meetings/{id}                      | /api/meetings/{meeting}                                                     | C P A
        GET  /api/meetings/{id}/minutes.pdf          | /api/meetings/{meeting}/minutes.pdf                                         | C P A
        GET  /api/intake/keys                        | /api/intake/keys                                                            | -
        GET  /api/admin/changes                      | /api/admin/changes                                                          | A
        GET  /open311/v2/discovery.{format}          | /open311/v2/discovery.json                                                  | -
        GET  /open311/v2/services.{format}           | /open311/v2/services.json                                                   | -
        GET  /open311/v2/requests.{format}           | /open311/v2/requests.json?service_request_id={report}                       | -
        GET  /open311/v2/requests/{id}.{format}      | /open311/v2/requests/{report}.json                                          | -
        GET  /open311/v2/servicerequestupdates.{format} | /open311/v2/servicerequestupdates.json                                   | -
        ANY  /health/live                            | /health/live                                                                | -
        ANY  /health/ready                           | /health/ready                                                               | -
        GET  /openapi/{documentName}.json            | /openapi/v1.json                                                            | -
        GET  /api/docs/{documentName?}               | /api/docs/v1                                                                | -
        GET  /api/docs/scalar.js                     | /api/docs/scalar.js                                                         | -
        GET  /api/docs/scalar.aspnetcore.js          | /api/docs/scalar.aspnetcore.js                                              | -
        GET  /api/docs/favicon.svg                   | /api/docs/favicon.svg                                                       | -
        ANY  /hangfire/{**path}                      | /hangfire                                                                   | -
        PAGE /sign-in                                | /sign-in                                                                    | -
        PAGE /sign-in/code                           | /sign-in/code                                                               | -
        PAGE /                                       | /                                                                           | -
        PAGE /error                                  | /error                                                                      | -
        PAGE /forbidden                              | /forbidden                                                                  | -
        PAGE /dashboard                              | /dashboard                                                                  | -
        PAGE /problems                               | /problems?area={area} /problems?q={suffix} /problems?area={area}&view=map   | C P A
        PAGE /problems/{id:guid}                     | /problems/{problem}                                                         | C P A
        PAGE /problems.csv                           | /problems.csv?area={area}                                                   | C A
        PAGE /problems/{id:guid}/{change}            | /problems/{problem}/plan-action                                             | C
        PAGE /problems/{id:guid}/actions/{actionId:guid}/{change} | /problems/{problem}/actions/{action}/complete                  | C P
        PAGE /problems/{id:guid}/criteria/{criterionId:guid}/{change} | /problems/{problem}/criteria/{criterion}/meet              | C
        PAGE /report                                 | /report                                                                     | -
        PAGE /report/check                           | /report/check                                                               | -
        PAGE /problems/{id:guid}/advance             | /problems/{problem}/advance                                                 | C
        PAGE /status/{code:int}                      | /status/404 /status/500                                                     | -
        PAGE /inbox                                  | /inbox                                                                      | -
        PAGE /inbox/{id:guid}                        | /inbox/{report}                                                             | -
        PAGE /inbox/take                             | /inbox/take                                                                 | -
        PAGE /inbox/upload                           | /inbox/upload                                                               | -
        PAGE /meetings                               | /meetings                                                                   | -
        PAGE /meetings/{id:guid}                     | /meetings/{meeting}                                                         | C P A
        PAGE /meetings/{id:guid}/minutes             | /meetings/{meeting}/minutes                                                 | C P A
        PAGE /photos/{id:guid}                       | /photos/{photo}                                                             | C P A
        PAGE /tasks                                  | /tasks                                                                      | P
        PAGE /packs/{id:guid}                        | /packs/{pack}                                                               | -
        PAGE /packs/{id:guid}/read                   | /packs/{pack}/read                                                          | -
        PAGE /packs/jobs/{jobId}                     | /packs/jobs/{job}                                                           | -
        PAGE /admin                                  | /admin                                                                      | -
        PAGE /admin/users                            | /admin/users                                                                | -
        PAGE /admin/users/new                        | /admin/users/new                                                            | -
        PAGE /admin/users/{id:guid}/role             | /admin/users/{user}/role                                                    | -
        PAGE /admin/users/{id:guid}/reset-link       | /admin/users/{user}/reset-link                                              | -
        PAGE /admin/users/{id:guid}/disable          | /admin/users/{user}/disable                                                 | -
        PAGE /account/password                       | /account/password                                                           | -
        PAGE /account/two-step                       | /account/two-step                                                           | -
        PAGE /account/reminders                      | /account/reminders                                                          | -
        PAGE /reset-password/{token}                 | /reset-password/no-such-link                                                | -
        PAGE /admin/teams                            | /admin/teams                                                                | -
        PAGE /admin/keys                             | /admin/keys                                                                 | -
        PAGE /admin/categories                       | /admin/categories                                                           | -
        PAGE /community/{areaCode}                   | /community/{code}                                                           | -
        PAGE /admin/changes                          | /admin/changes                                                              | A
        PAGE /accessibility                          | /accessibility                                                              | -
        PAGE /privacy                                | /privacy                                                                    | -
        GET  /api/admin/retention                    | /api/admin/retention                                                        | -
        PAGE /admin/retention                        | /admin/retention                                                            | -
        ANY  /metrics                                | /metrics                                                                    | -
        PAGE /sign-in/with/{provider}/{outcome?}     | /sign-in/with/no-such-provider/failed                                       | -
        PAGE /sign-out                               | skip: signing out would end the walk's own sessions; it shows nothing       | -
        """;

    private const string Police = "police", Anonymous = "anonymous";

    [Fact]
    public void Every_read_route_the_app_serves_is_walked()
    {
        var reads = app.Host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(WhoMayDoWhatTests.Route).OfType<string>()
            .Where(route => route.StartsWith("GET ", StringComparison.Ordinal) || route.StartsWith("ANY ", StringComparison.Ordinal)
                || route.StartsWith("PAGE ", StringComparison.Ordinal))
            .Distinct().Order().ToList();
        var walked = Rows().Select(row => row.Route).Order().ToList();

        reads.Except(walked).ShouldBeEmpty("These read routes are not walked for sensitive problems; add a row.");
        walked.Except(reads).ShouldBeEmpty("These rows name routes the app no longer serves.");
    }

    [Fact]
    public async Task A_sensitive_problem_named_for_the_police_is_found_only_by_coordinators_administrators_and_the_police()
    {
        var place = await SensitivePlace.MakeAsync(app);
        var callers = await SignInEveryoneAsync(place.PoliceMember);

        var wrong = new List<string>();
        foreach (var row in Rows().Where(row => !row.Skipped))
            foreach (var url in row.Urls.Select(place.Fill))
                foreach (var (caller, ask) in callers)
                {
                    var (status, found) = await FindAsync(url, ask, place);
                    var mayFind = caller is Coordinator or ProblemsApi.Admin or Police;
                    if (found && !mayFind) wrong.Add($"{url} shows the sensitive problem to {caller} ({status})");
                    if (!found && row.MustFind.Contains(Letter(caller))) wrong.Add($"{url} does not show the sensitive problem to {caller} ({status})");
                }
        wrong.ShouldBeEmpty();

        var pack = await app.Host.Scenario(s => { s.Get.Url(place.Fill("/packs/{pack}/read")); callers[Councillor](s); });
        (await pack.ReadAsTextAsync()).ShouldContain("1 sensitive problem is not listed in this pack or counted in its figures.");
    }

    private static string Letter(string caller) => caller switch
    {
        Coordinator => "C",
        ProblemsApi.Admin => "A",
        Police => "P",
        _ => "?",
    };

    /// <summary>Signs each caller in with a token and a page session of the walk's own.</summary>
    private async Task<Dictionary<string, Action<Scenario>>> SignInEveryoneAsync(string policeMember)
    {
        var callers = new Dictionary<string, Action<Scenario>> { [Anonymous] = _ => { } };
        foreach (var (name, email, password) in new[]
                 {
                     (Coordinator, Coordinator, DemoAccounts.DefaultPassword), (Police, policeMember, PartnerMembers.Password),
                     (Streets, Streets, DemoAccounts.DefaultPassword), (Councillor, Councillor, DemoAccounts.DefaultPassword),
                     (ProblemsApi.Admin, ProblemsApi.Admin, DemoAccounts.DefaultPassword),
                 })
        {
            var token = await app.Host.SignIn(email, password);
            var cookie = PageSessions.Cookie(await PageSessions.SignInAsync(app.Host, email, password));
            callers[name] = s => { s.WithBearerToken(token); s.WithRequestHeader("Cookie", cookie); };
        }
        return callers;
    }

    /// <summary>Whether the answer names the problem: its title, reference or id; PDFs as text, a photo by being served.</summary>
    private async Task<(int Status, bool Found)> FindAsync(string url, Action<Scenario> asCaller, SensitivePlace place)
    {
        var result = await app.Host.Scenario(s =>
        {
            s.Get.Url(url);
            asCaller(s);
            s.IgnoreStatusCode();
        });
        var response = result.Context.Response;
        var type = response.ContentType ?? "";
        if (type.StartsWith("image/jpeg", StringComparison.Ordinal)) return (response.StatusCode, response.StatusCode == 200);
        var bytes = new MemoryStream();
        await response.Body.CopyToAsync(bytes);
        var body = type.StartsWith("application/pdf", StringComparison.Ordinal)
            ? PacksApi.PdfText(bytes.ToArray())
            : System.Text.Encoding.UTF8.GetString(bytes.ToArray());
        return (response.StatusCode, place.IsNamedIn(body));
    }

    private sealed record Row(string Route, string[] Urls, string[] MustFind, bool Skipped);

    private static IEnumerable<Row> Rows() =>
        Table.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split('|', StringSplitOptions.TrimEntries))
            .Select(cells => new Row(
                string.Join(' ', cells[0].Split(' ', StringSplitOptions.RemoveEmptyEntries)),
                cells[1].Split(' ', StringSplitOptions.RemoveEmptyEntries),
                cells[2] == "-" ? [] : cells[2].Split(' '),
                cells[1].StartsWith("skip:", StringComparison.Ordinal)));
}
