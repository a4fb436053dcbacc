namespace Octans.Domain;

/// <summary>The longest text, in characters, that each kind of field accepts.</summary>
public static class TextLimits
{
    public const int Title = 120;
    public const int LongText = 4_000;
    public const int Description = 500;
    public const int LocationDescription = 300;
    public const int Ward = 100;
    public const int Name = 100;
    public const int Assignee = 100;
    public const int Source = 200;

    /// <summary>An update for residents: with its street and date it stays under <see cref="PublicItem"/>.</summary>
    public const int PublicUpdate = 200;

    /// <summary>One item of a month's text, under what a Beds Connected alert or WhatsApp shows before "read more".</summary>
    public const int PublicItem = 280;
}
