using Hangfire;
using Hangfire.Common;
using Hangfire.Storage;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Octans.Api.Setup;
using Octans.Api.SigningIn;
using Octans.Api.Reports.Producing;
using Wolverine.Http;

namespace Octans.Api.Reports.Jobs;

/// <summary>
/// Where a requested pack is: Enqueued (also while waiting to be tried again after a failed attempt, saying so), Processing,
/// Succeeded with the id of the kept pack, or Failed.
/// </summary>
public sealed record PackJobStatus(string State, Guid? ReportId = null, string? Error = null);

public static class GetPackJobEndpoint
{
    [Authorize(Policy = Policies.CoordinatorOrAdmin)]
    [WolverineGet("/api/reports/jobs/{jobId}", Name = "GetMonthlyPackJob")]
    [ProducesResponseType<PackJobStatus>(200)]
    public static IResult Get(string jobId, JobStorage storage) =>
        PackJobs.StatusOf(storage, jobId) is { } status
            ? Results.Ok(status)
            : Answers.NotFound("There is no pack job with that id. Request a pack with POST /api/reports/monthly and use the statusUrl it answers with.").Result();
}

/// <summary>Where pack jobs are, as Hangfire keeps them, for the API and the pages.</summary>
public static class PackJobs
{
    /// <summary>The status of a pack job, or null when there is no such job.</summary>
    public static PackJobStatus? StatusOf(JobStorage storage, string jobId)
    {
        // Hangfire's PostgreSQL storage numbers its jobs; anything else cannot be one of them.
        if (!long.TryParse(jobId, out _))
            return null;
        using var connection = storage.GetConnection();
        var job = connection.GetJobData(jobId);
        if (job?.Job?.Type != typeof(MonthlyPackJob) && job?.Job?.Type != typeof(PathwaysPackJob))
            return null;

        // The reason an attempt failed is an exception's text, which is for the log Hangfire writes, not for the caller.
        return job.State switch
        {
            "Processing" => new PackJobStatus("Processing"),
            "Succeeded" => new PackJobStatus("Succeeded", ReportId(connection, jobId)),
            "Failed" => new PackJobStatus("Failed", Error: "The pack could not be produced. The reason is in Octans' log: tell your administrator, then request the pack again."),
            "Deleted" => new PackJobStatus("Failed", Error: "The job was deleted before the pack was produced."),
            _ when HasFailedAttempt(storage, jobId) => new PackJobStatus("Enqueued", Error: "An attempt to produce the pack failed and will be tried again shortly."),
            _ => new PackJobStatus("Enqueued"),
        };
    }

    private static Guid? ReportId(IStorageConnection connection, string jobId) =>
        connection.GetJobParameter(jobId, MonthlyPackJob.ReportIdParameter) is { } raw ? SerializationHelper.Deserialize<Guid?>(raw) : null;

    private static bool HasFailedAttempt(JobStorage storage, string jobId) =>
        storage.GetMonitoringApi().JobDetails(jobId)?.History.Any(state => state.StateName == "Failed") == true;
}
