using System.Net;
using System.Threading.RateLimiting;

namespace Octans.Api.SigningIn;

/// <summary>
/// How often sign-in may be tried, on each node: per network address first, then per account. An address's allowance is
/// smaller than an account's, so one address cannot use up an account's allowance and keep its owner out; that takes several.
/// The allowance per address still lets a whole office behind one address sign in at nine in the morning.
/// </summary>
public sealed class SignInLimits : IDisposable
{
    public const string Section = "Octans:SignIn";

    private readonly PartitionedRateLimiter<Attempt> _limiter;

    public SignInLimits(IConfiguration configuration)
    {
        var perAddress = Math.Max(1, configuration.GetValue($"{Section}:AttemptsPerAddressPerMinute", 10));
        var perAccount = Math.Max(1, configuration.GetValue($"{Section}:AttemptsPerAccountPerMinute", 20));
        _limiter = PartitionedRateLimiter.CreateChained(
            PartitionedRateLimiter.Create<Attempt, string>(attempt => Bucket(attempt.Address, perAddress)),
            PartitionedRateLimiter.Create<Attempt, string>(attempt => Bucket(attempt.Email, perAccount)));
    }

    /// <summary>The address an attempt comes from, as sign-in counts it.</summary>
    public static string AddressOf(HttpContext context) => context.Connection.RemoteIpAddress is { } address
        ? (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString()
        : IPAddress.None.ToString();

    /// <summary>Null when the attempt may go ahead; otherwise how long to wait.</summary>
    public async Task<TimeSpan?> WaitBeforeAsync(string email, string address, CancellationToken cancellation)
    {
        using var lease = await _limiter.AcquireAsync(new Attempt(email, address), 1, cancellation);
        if (lease.IsAcquired) return null;
        return lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) && wait > TimeSpan.Zero ? wait : TimeSpan.FromMinutes(1);
    }

    public static string Refusal(TimeSpan wait)
    {
        var seconds = (int)Math.Ceiling(wait.TotalSeconds);
        var when = seconds <= 60 ? $"{seconds} seconds" : $"{(int)Math.Ceiling(seconds / 60.0)} minutes";
        return $"There have been too many sign-in attempts from your network or for this account. Wait {when}, then try again.";
    }

    // A bucket that holds a minute's allowance twice over and refills a little at a time.
    private static RateLimitPartition<string> Bucket(string key, int perMinute) =>
        RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = perMinute * 2,
            TokensPerPeriod = 1,
            ReplenishmentPeriod = TimeSpan.FromMinutes(1) / perMinute,
            QueueLimit = 0,
            AutoReplenishment = true,
        });

    public void Dispose() => _limiter.Dispose();

    private sealed record Attempt(string Email, string Address);
}
