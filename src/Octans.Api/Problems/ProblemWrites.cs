using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Octans.Domain;
using Wolverine.Http;
using Wolverine.Marten;

namespace Octans.Api.Problems;

/// <summary>
/// A write on one problem carries the version the client last saw; a stale one is answered with a 409. It is
/// nullable so that a missing version is a 400 rather than a stale one: Marten still refuses, at save, a write
/// whose stream moved on since it was read.
/// </summary>
public interface IProblemWrite
{
    int? Version { get; }
}

/// <summary>The answer to an accepted write: the problem's new version.</summary>
public record WriteAccepted(int Version);

public static class ProblemWrites
{
    public static ProblemDetails CheckVersion(IProblemWrite request, Problem problem) => request.Version switch
    {
        null or <= 0 => new HttpValidationProblemDetails(new Dictionary<string, string[]>
        {
            ["version"] = ["Send the version of the problem you last saw, as it came from GET /api/problems/{id}."],
        })
        {
            Status = 400, Title = "The version is missing",
            Detail = "Send the version of the problem you last saw, so nobody's change is overwritten by accident.",
        },
        { } seen when seen != problem.Version => Conflict(problem.Version),
        _ => WolverineContinue.NoProblems,
    };

    /// <summary>
    /// The version first, since a stale body is not worth correcting, then every mistake in the body that the domain
    /// cannot see, named in one answer.
    /// </summary>
    public static ProblemDetails Check(IProblemWrite request, Problem problem, params FieldError?[] mistakes)
    {
        var version = CheckVersion(request, problem);
        if (!ReferenceEquals(version, WolverineContinue.NoProblems)) return version;
        var errors = mistakes.OfType<FieldError>().GroupBy(m => m.Field).ToDictionary(g => g.Key, g => g.Select(m => m.Message).ToArray());
        return errors.Count == 0 ? WolverineContinue.NoProblems : Invalid(errors, string.Join(" ", errors.Values.SelectMany(m => m)));
    }

    public static ProblemDetails Conflict(long currentVersion) => new()
    {
        Status = 409, Title = "Someone else changed this problem",
        Detail = "Someone else changed this problem since you loaded it. Reload it to see their change, then try again.",
        Extensions = { ["currentVersion"] = currentVersion },
    };

    /// <summary>
    /// Answers a decision: its events are appended to the problem's stream and the new version returned, or its
    /// refusal becomes a 400 (or a 404 for an unknown action or criterion) and nothing is appended.
    /// </summary>
    public static (IResult, Events) Respond(Problem problem, Decision decision, Func<int, WriteAccepted>? answer = null)
    {
        if (decision.IsNotFound)
            return (Results.Problem(statusCode: 404, title: "Not found", detail: decision.Detail), []);
        if (decision.IsRefused)
            return (Refused(decision), []);

        var version = problem.Version + decision.Events.Count;
        return (Results.Ok(answer?.Invoke(version) ?? new WriteAccepted(version)), new Events(decision.Events));
    }

    public static IResult Refused(Decision decision) => Results.Problem(decision.Errors.Count == 0
        ? new ProblemDetails { Status = 400, Title = "That cannot be done", Detail = decision.Detail }
        : Invalid(decision.Errors, decision.Detail));

    public static ProblemDetails Invalid(IReadOnlyDictionary<string, string[]> errors, string? detail) =>
        new HttpValidationProblemDetails(errors.ToDictionary()) { Status = 400, Title = "Some answers need changing", Detail = detail };

    public static ProblemDetails Forbidden(string detail) => new() { Status = 403, Title = "Not allowed", Detail = detail };
}
