namespace Octans.Domain;

/// <summary>
/// How long Octans keeps what the partnership no longer needs: the free text of problems closed for
/// <paramref name="ClosedProblemText"/>, reports dismissed for <paramref name="DismissedReports"/>, and the photos of
/// problems closed for <paramref name="ClosedProblemPhotos"/>. Only closed problems and dismissed reports are ever
/// touched, so nothing still open is; each period is also at least a month, so a problem closed by mistake can be
/// reopened with its text.
/// </summary>
public sealed record RetentionPolicy(RetentionPeriod ClosedProblemText, RetentionPeriod DismissedReports, RetentionPeriod ClosedProblemPhotos)
{
    /// <summary>Six years for closed problems' text, a year for dismissed reports, two years for closed problems' photos.</summary>
    public static RetentionPolicy Default { get; } = new(RetentionPeriod.Years(6), RetentionPeriod.Years(1), RetentionPeriod.Years(2));

    /// <summary>What replaces each piece of free text that the policy removes, in the events and in every read model.</summary>
    public const string Removed = "[removed under the retention policy]";

    /// <summary>The instants before which each rule applies, at <paramref name="now"/>.</summary>
    public RetentionCutoffs CutoffsAt(DateTimeOffset now) =>
        new(ClosedProblemText.Before(now), DismissedReports.Before(now), ClosedProblemPhotos.Before(now));
}

/// <summary>Problems closed before <paramref name="ClosedProblemText"/> lose their text, and so on for each rule.</summary>
public sealed record RetentionCutoffs(DateTimeOffset ClosedProblemText, DateTimeOffset DismissedReports, DateTimeOffset ClosedProblemPhotos);

/// <summary>A whole number of months, written in configuration and on the pages as "6 years" or "18 months".</summary>
public readonly record struct RetentionPeriod(int Months)
{
    /// <summary>The longest period taken: anything longer is surely a typing mistake.</summary>
    public const int MostMonths = 1200;

    public static RetentionPeriod Years(int years) => new(years * 12);

    /// <summary>The instant that lies this period before <paramref name="now"/>.</summary>
    public DateTimeOffset Before(DateTimeOffset now) => now.AddMonths(-Months);

    public override string ToString() => Months % 12 == 0
        ? Months == 12 ? "1 year" : $"{Months / 12} years"
        : Months == 1 ? "1 month" : $"{Months} months";

    /// <summary>
    /// Reads "6 years", "1 year", "18 months" (or a bare number of months). Gives the period, or null with
    /// <paramref name="refusal"/> saying why, in a sentence naming <paramref name="setting"/>.
    /// </summary>
    public static RetentionPeriod? Read(string setting, string? written, string removes, out string? refusal)
    {
        refusal = null;
        var words = (written ?? "").Trim().ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var (number, unit) = words switch
        {
            [var n] => (n, "months"),
            [var n, var u] => (n, u),
            _ => ("", ""),
        };
        var perUnit = unit switch { "year" or "years" => 12, "month" or "months" => 1, _ => 0 };
        if (perUnit == 0 || !int.TryParse(number, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var count))
        {
            refusal = $"{setting} is \"{written}\"; write a whole number of years or months, such as \"6 years\" or \"18 months\".";
            return null;
        }
        if (count <= 0)
        {
            refusal = $"{setting} is \"{written}\", which would remove {removes} " +
                      $"{(count == 0 ? "as soon as they are" : "before they were even")} closed or dismissed, leaving the partnership no time " +
                      "to reopen them; it must be at least 1 month.";
            return null;
        }
        if ((long)count * perUnit > MostMonths)
        {
            refusal = $"{setting} is \"{written}\", longer than the {MostMonths / 12} years Octans takes; write the period the partnership's policy gives.";
            return null;
        }
        return new RetentionPeriod(count * perUnit);
    }
}
