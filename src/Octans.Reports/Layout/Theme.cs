using PdfSharp.Drawing;

namespace Octans.Reports.Layout;

/// <summary>The pack's typography and colours, close to the GOV.UK palette that council staff already know.</summary>
internal static class Theme
{
    public static readonly TextStyle Body = new(10, Bold: false);
    public static readonly TextStyle BodyBold = Body with { Bold = true };
    public static readonly TextStyle Heading1 = new(18, Bold: true);
    public static readonly TextStyle Heading2 = new(13, Bold: true);
    public static readonly TextStyle TableText = new(9, Bold: false);
    public static readonly TextStyle TableHeader = TableText with { Bold = true };
    public static readonly TextStyle PageFurniture = new(8, Bold: false);
    public static readonly TextStyle ChartLabel = new(8, Bold: false);

    public const double BodyLineHeight = 14;
    public const double TableLineHeight = 12;
    public const double FurnitureLineHeight = 10;
    public const double ChartLineHeight = 10;

    public const double ParagraphSpaceAfter = 8;
    public const double Heading1SpaceBefore = 18;
    public const double Heading1SpaceAfter = 8;
    public const double Heading2SpaceBefore = 14;
    public const double Heading2SpaceAfter = 5;
    public const double BlockSpaceAfter = 12;

    public const double CellPaddingX = 5;
    public const double CellPaddingY = 4;
    public const double BadgeDiameter = 7;
    public const double BadgeGap = 4;

    public static readonly XColor Text = XColor.FromArgb(0x0B, 0x0C, 0x0C);
    public static readonly XColor SecondaryText = XColor.FromArgb(0x50, 0x5A, 0x5F);
    public static readonly XColor StrongRule = XColor.FromArgb(0x50, 0x5A, 0x5F);
    public static readonly XColor Rule = XColor.FromArgb(0xB1, 0xB4, 0xB6);
    public static readonly XColor Hairline = XColor.FromArgb(0xDD, 0xE1, 0xE4);
    public static readonly XColor HeaderFill = XColor.FromArgb(0xE8, 0xED, 0xF2);
    public static readonly XColor ZebraFill = XColor.FromArgb(0xF6, 0xF8, 0xF9);
    public static readonly XColor Accent = XColor.FromArgb(0x1D, 0x70, 0xB8);

    /// <summary>Series colours that stay distinguishable for the common colour-vision deficiencies and in greyscale.</summary>
    public static readonly IReadOnlyList<XColor> SeriesColours =
    [
        XColor.FromArgb(0x1D, 0x70, 0xB8),
        XColor.FromArgb(0xF4, 0x77, 0x38),
        XColor.FromArgb(0x28, 0xA1, 0x97),
        XColor.FromArgb(0x80, 0x16, 0x50),
        XColor.FromArgb(0xB5, 0x88, 0x40),
        XColor.FromArgb(0x6F, 0x72, 0xAF),
    ];

    public static XColor Colour(BadgeColour colour) => colour switch
    {
        BadgeColour.Red => XColor.FromArgb(0xD4, 0x35, 0x1C),
        BadgeColour.Amber => XColor.FromArgb(0xF4, 0x77, 0x38),
        BadgeColour.Green => XColor.FromArgb(0x00, 0x70, 0x3C),
        BadgeColour.Blue => XColor.FromArgb(0x1D, 0x70, 0xB8),
        BadgeColour.Grey => XColor.FromArgb(0x50, 0x5A, 0x5F),
        _ => throw new ArgumentOutOfRangeException(nameof(colour), colour, "Unknown badge colour."),
    };
}

internal readonly record struct TextStyle(double Size, bool Bold);
