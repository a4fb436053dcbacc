using Alba;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Octans.Api.Problems;
using Octans.Api.Problems.Actions;
using Octans.Api.Problems.ExitCriteria;
using Octans.Api.ReferenceData;
using Octans.Domain;
using static Octans.Api.Tests.Problems.ProblemsApi;

namespace Octans.Api.Tests.Problems;

/// <summary>A problem with one action or exit criterion on it, as a test starts from.</summary>
public sealed record ProblemWithAction(Guid Id, Guid ActionId, int Version);

public sealed record ProblemWithCriterion(Guid Id, Guid CriterionId, int Version);

/// <summary>The writes and answers that the tests of several write routes share.</summary>
public static class ProblemWritesApi
{

    public static async Task<ProblemWithAction> ReportProblemWithAction(this AppFixture app, Guid? teamId = null, DateOnly? dueOn = null)
    {
        var created = await app.ReportProblem();
        var result = await app.Post(Coordinator, $"/api/problems/{created.Id}/actions", new
        {
            version = created.Version, description = "Repair columns 12 to 14", teamId = teamId ?? Team.StreetLighting.Id,
            dueOn = dueOn ?? app.Today().AddDays(7),
        });
        var planned = (await result.ReadAsJsonAsync<ActionPlannedAnswer>())!;
        return new ProblemWithAction(created.Id, planned.ActionId, planned.Version);
    }

    public static async Task<ProblemWithCriterion> ReportProblemWithCriterion(this AppFixture app)
    {
        var created = await app.ReportProblem();
        var result = await app.Post(Coordinator, $"/api/problems/{created.Id}/criteria",
            new { version = created.Version, text = "No outage reported on Wenlock Street for four weeks" });
        var added = (await result.ReadAsJsonAsync<ExitCriterionAddedAnswer>())!;
        return new ProblemWithCriterion(created.Id, added.CriterionId, added.Version);
    }

    public static async Task<int> NewVersion(this IScenarioResult result) => (await result.ReadAsJsonAsync<WriteAccepted>())!.Version;

    public static async Task<IDictionary<string, string[]>> Errors(this IScenarioResult result) =>
        (await result.ReadAsJsonAsync<HttpValidationProblemDetails>())!.Errors;

    public static async Task<string> Detail(this IScenarioResult result) => (await result.ReadAsJsonAsync<ProblemDetails>())!.Detail!;
}
