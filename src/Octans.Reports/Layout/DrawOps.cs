using PdfSharp.Drawing;

namespace Octans.Reports.Layout;

internal enum StructureTag
{
    Heading1,
    Heading2,
    Paragraph,
    Table,
    TableHead,
    TableBody,
    TableRow,
    TableHeaderCell,
    TableDataCell,
    List,
    ListItem,
    ListLabel,
    ListBody,
    Figure,
}

/// <summary>
/// What layout decided, in drawing order: content, and where structure elements and artifacts open and close.
/// Coordinates are points from the top-left of the page.
/// </summary>
internal abstract record DrawOp;

/// <summary><paramref name="Label"/> is the bookmark text for headings and the alt text for figures.</summary>
internal sealed record OpenElement(StructureTag Tag, string? Label = null, XRect Bounds = default) : DrawOp;

internal sealed record CloseElement : DrawOp
{
    public static readonly CloseElement Instance = new();
}

internal sealed record OpenArtifact : DrawOp
{
    public static readonly OpenArtifact Instance = new();
}

internal sealed record CloseArtifact : DrawOp
{
    public static readonly CloseArtifact Instance = new();
}

internal sealed record DrawText(string Text, XFont Font, XColor Colour, double X, double Baseline) : DrawOp;

internal sealed record FillRectangle(XRect Rectangle, XColor Colour) : DrawOp;

internal sealed record StrokeLine(XPoint From, XPoint To, XColor Colour, double Thickness) : DrawOp;

internal sealed record FillCircle(XPoint Centre, double Radius, XColor Colour) : DrawOp;
