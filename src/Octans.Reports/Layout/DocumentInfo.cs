using System.Text.RegularExpressions;

namespace Octans.Reports.Layout;

/// <summary>
/// What a PDF says about itself. <paramref name="Timestamp"/> becomes the creation and modification date,
/// so pass something fixed such as the report cutoff: the same info and content give the same bytes.
/// </summary>
public sealed partial record DocumentInfo
{
    public DocumentInfo(string title, string language, string author, DateTimeOffset timestamp, string? subject = null)
    {
        if (string.IsNullOrWhiteSpace(title))
            throw new ArgumentException(
                "A document needs a title; screen readers announce it instead of the file name, e.g. \"High Town monthly pack, October 2026\".",
                nameof(title));
        if (string.IsNullOrWhiteSpace(language) || !LanguageTag().IsMatch(language.Trim()))
            throw new ArgumentException(
                $"A document needs a language tag such as \"en-GB\" so screen readers pronounce it correctly; \"{language}\" is not one.",
                nameof(language));
        if (timestamp == default)
            throw new ArgumentException(
                "Pass a fixed timestamp such as the report cutoff; it becomes the document's date and keeps the output reproducible.",
                nameof(timestamp));
        if (string.IsNullOrWhiteSpace(author))
            throw new ArgumentException("A document needs an author, e.g. \"Operation Octans partnership\".", nameof(author));

        Title = title.Trim();
        Language = language.Trim();
        Author = author.Trim();
        Timestamp = timestamp;
        Subject = string.IsNullOrWhiteSpace(subject) ? null : subject.Trim();
    }

    public string Title { get; }
    public string Language { get; }
    public string Author { get; }
    public DateTimeOffset Timestamp { get; }
    public string? Subject { get; }

    [GeneratedRegex("^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$")]
    private static partial Regex LanguageTag();
}
