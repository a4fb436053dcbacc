namespace Octans.Domain;

/// <summary>
/// Text people type holds no control characters and no half characters: no keyboard gives them, the pages and the pack
/// cannot show them and PostgreSQL cannot store some (U+0000). Tabs and line breaks are typed, so they stay.
/// </summary>
public static class PlainText
{
    /// <summary>The first character of <paramref name="text"/> that cannot be stored, or null when there is none.</summary>
    public static char? Unstorable(string? text)
    {
        if (text is null) return null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsControl(c) && c is not ('\t' or '\n' or '\r')) return c;
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) i++;
            else if (char.IsSurrogate(c)) return c;
        }
        return null;
    }

    public static string Refusal(string what, char unstorable) =>
        $"The {what} contains a character that cannot be stored (U+{(int)unstorable:X4}), such as a control code; remove it.";
}
