namespace Octans.Reports.Layout;

public enum BadgeColour
{
    Red,
    Amber,
    Green,
    Blue,
    Grey,
}

/// <summary>
/// A filled dot followed by a word, e.g. a RAG rating. The word is required because colour must never be the
/// only carrier of meaning: readers who cannot tell red from green, and screen readers, rely on it.
/// </summary>
public sealed record Badge
{
    public Badge(BadgeColour colour, string word)
    {
        if (!Enum.IsDefined(colour))
            throw new ArgumentOutOfRangeException(nameof(colour), colour, "Use one of the BadgeColour values.");
        if (string.IsNullOrWhiteSpace(word))
            throw new ArgumentException(
                "A badge needs a word next to its colour, e.g. new Badge(BadgeColour.Red, \"Red\"); colour alone does not reach every reader.",
                nameof(word));

        Colour = colour;
        Word = word.Trim();
    }

    public BadgeColour Colour { get; }
    public string Word { get; }
}
