using System.Globalization;

namespace Octans.Reports;

/// <summary>How the packs write counts, dates and changes, the same in the PDF and on the page.</summary>
public static class PackWords
{
    /// <summary>Long free text is shortened in table cells, whose rows must fit on one page; paragraphs keep it whole.</summary>
    public const int CellTextLimit = 600;

    static readonly CultureInfo Numbers = CultureInfo.InvariantCulture;

    /// <summary>A day as the pages write it (<see cref="Octans.Domain.London.Written(DateOnly)"/>): "4 December 2026".</summary>
    public static string Date(DateOnly day) => Octans.Domain.London.Written(day);

    public static string Count(int count) => count.ToString("#,0", Numbers);

    public static string Change(int before, int after) => (after - before) switch
    {
        0 => "No change",
        > 0 and var up => "+" + Count(up),
        var down => "−" + Count(-down),
    };

    public static string Plural(int count, string one, string many) => count == 0 ? $"no {many}" : $"{Count(count)} {(count == 1 ? one : many)}";

    public static string Sentence(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    public static string Clip(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Length <= CellTextLimit)
            return trimmed;
        var cut = trimmed.LastIndexOf(' ', CellTextLimit);
        return trimmed[..(cut > CellTextLimit / 2 ? cut : CellTextLimit)].TrimEnd() + "… (shortened; the full text is in Octans)";
    }
}
