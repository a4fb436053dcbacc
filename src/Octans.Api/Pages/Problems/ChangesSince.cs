using Marten;
using Octans.Api.Admin.Changes;
using Octans.Api.SigningIn;
using Octans.Domain;

namespace Octans.Api.Pages.Problems;

/// <summary>
/// After a page's change meets a conflict: what changed since the page was loaded, one line per change, as
/// "Sam Patel (coordinator) completed the action 'Clear the alley' at 2:05pm".
/// </summary>
public static class ChangesSince
{
    public static async Task<IReadOnlyList<string>> SayAsync(IQuerySession query, TimeProvider clock, IReadOnlyList<IProblemEvent> since,
        Problem latest, CancellationToken cancellation)
    {
        if (since.Count == 0) return [];
        var users = (await query.LoadManyAsync<User>(cancellation, since.Select(e => e.By.UserId).Distinct()))
            .ToDictionary(u => u.Id, u => u.Role);
        var today = London.Today(clock.GetUtcNow());
        return [.. since.Select(e =>
        {
            var role = users.TryGetValue(e.By.UserId, out var r) ? $" ({AdminChanges.RoleName(r).ToLowerInvariant()})" : "";
            var when = London.Today(e.At) == today ? $"at {London.Time(TimeOnly.FromDateTime(London.Local(e.At).DateTime))}" : $"on {London.WrittenWithTime(e.At)}";
            return $"{e.By.Name}{role} {LaterChanges.Said(e, latest)} {when}";
        })];
    }
}
