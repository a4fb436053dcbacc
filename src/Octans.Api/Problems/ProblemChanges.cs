using System.Security.Claims;
using JasperFx;
using Marten;
using Octans.Api.SigningIn;
using Octans.Domain;

namespace Octans.Api.Problems;

public enum ChangeResult { Accepted, Refused, NotFound, Conflict }

public sealed record ChangeOutcome(ChangeResult Result, Problem? Latest, Decision? Decision = null);

/// <summary>
/// The pages' way to change a problem, the counterpart of the API's [WriteAggregate] endpoints: read the problem,
/// refuse a stale version, decide with the domain, append. Marten refuses at save a write that raced another.
/// </summary>
public sealed class ProblemChanges(IDocumentSession session, TimeProvider clock)
{
    public async Task<ChangeOutcome> ApplyAsync(Guid id, int version, ClaimsPrincipal user,
        Func<Problem, Actor, DateTimeOffset, Decision> decide, CancellationToken cancellation)
    {
        var stream = await session.Events.FetchForWriting<Problem>(id, cancellation);
        if (stream.Aggregate is not { } problem) return new ChangeOutcome(ChangeResult.NotFound, null);
        if (problem.Version != version) return new ChangeOutcome(ChangeResult.Conflict, problem);

        var decision = decide(problem, user.Actor(), clock.GetUtcNow());
        if (decision.IsNotFound) return new ChangeOutcome(ChangeResult.NotFound, problem, decision);
        if (decision.IsRefused) return new ChangeOutcome(ChangeResult.Refused, problem, decision);

        stream.AppendMany(decision.Events);
        try
        {
            await session.SaveChangesAsync(cancellation);
        }
        catch (ConcurrencyException)
        {
            await using var query = session.DocumentStore.QuerySession();
            return new ChangeOutcome(ChangeResult.Conflict, await query.LoadAsync<Problem>(id, cancellation));
        }
        return new ChangeOutcome(ChangeResult.Accepted, problem, decision);
    }
}
