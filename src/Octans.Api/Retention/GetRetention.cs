using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Octans.Api.SigningIn;
using Octans.Domain;
using Wolverine.Http;

namespace Octans.Api.Retention;

/// <summary>One rule of the policy: what it removes, after how long (in words and in months) since what.</summary>
public sealed record RetentionRule(string Removes, string After, int AfterMonths, string Since);

/// <summary>The policy in force and the latest runs of the job that applies it, newest first.</summary>
public sealed record RetentionOverview(IReadOnlyList<RetentionRule> Policy, string Marker, IReadOnlyList<RetentionRun> Runs)
{
    public static async Task<RetentionOverview> ReadAsync(RetentionPolicy policy, IQuerySession session, CancellationToken cancellation) =>
        new(RulesOf(policy), RetentionPolicy.Removed, await RetentionRuns.LatestAsync(session, cancellation));

    /// <summary>The policy in the words the admin page and the privacy notice use.</summary>
    public static IReadOnlyList<RetentionRule> RulesOf(RetentionPolicy policy) =>
    [
        new("The free text of a problem (its title, statement, place in words, notes, actions, reviews and public updates)",
            policy.ClosedProblemText.ToString(), policy.ClosedProblemText.Months, "it was closed"),
        new("A report from the public that was dismissed", policy.DismissedReports.ToString(), policy.DismissedReports.Months, "it was dismissed"),
        new("The photos of a problem", policy.ClosedProblemPhotos.ToString(), policy.ClosedProblemPhotos.Months, "it was closed"),
    ];
}

public static class GetRetentionEndpoint
{
    /// <summary>The retention policy in force and the latest runs of the nightly job that applies it: counts only, never what was removed.</summary>
    [Authorize(Policy = Policies.Admin)]
    [WolverineGet("/api/admin/retention", Name = "GetRetention")]
    [Tags("Admin")]
    [ProducesResponseType<RetentionOverview>(200)]
    public static Task<RetentionOverview> Get(RetentionPolicy policy, IQuerySession session, CancellationToken cancellation) =>
        RetentionOverview.ReadAsync(policy, session, cancellation);
}
