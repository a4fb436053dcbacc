using Octans.Domain;

namespace Octans.Api.Retention;

/// <summary>
/// The retention policy as configured under <c>Octans:Retention</c>, each period written as "6 years" or "18 months";
/// a setting left out takes <see cref="RetentionPolicy.Default"/>'s period.
/// </summary>
public static class RetentionSettings
{
    public const string Section = "Octans:Retention";

    /// <summary>The policy, or an exception whose message says which setting is refused and why, to stop Octans at start.</summary>
    public static RetentionPolicy From(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var defaults = RetentionPolicy.Default;
        List<string> refusals = [];
        RetentionPeriod Period(string key, RetentionPeriod fallback, string removes)
        {
            if (string.IsNullOrWhiteSpace(section[key])) return fallback;
            var period = RetentionPeriod.Read($"{Section}:{key}", section[key], removes, out var refusal);
            if (refusal is not null) refusals.Add(refusal);
            return period ?? fallback;
        }
        var policy = new RetentionPolicy(
            Period("ClosedProblemTextAfter", defaults.ClosedProblemText, "the text of problems"),
            Period("DismissedReportsAfter", defaults.DismissedReports, "reports from the public"),
            Period("ClosedProblemPhotosAfter", defaults.ClosedProblemPhotos, "the photos of problems"));
        if (refusals.Count > 0)
            throw new InvalidOperationException($"Octans will not start with this retention policy. {string.Join(" ", refusals)}");
        return policy;
    }
}
