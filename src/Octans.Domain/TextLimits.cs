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
}
