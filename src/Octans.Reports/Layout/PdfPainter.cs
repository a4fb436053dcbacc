using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Structure;
using PdfSharp.UniversalAccessibility;

namespace Octans.Reports.Layout;

/// <summary>
/// Draws laid-out pages with PDFsharp and builds the structure tree as it goes. PDFsharp's structure builder
/// follows the drawing order, so every mark is made inside an open structure element or an artifact.
/// </summary>
internal static class PdfPainter
{
    public static void Paint(PdfDocument pdf, IReadOnlyList<IReadOnlyList<DrawOp>> pages, Func<int, IReadOnlyList<DrawOp>> furniture)
    {
        var accessibility = UAManager.ForDocument(pdf);
        var structure = accessibility.StructureBuilder;
        var parentTree = new List<PdfItem>();
        var open = new Stack<OpenedElement>();
        var brushes = new Dictionary<XColor, XSolidBrush>();
        PdfOutline? chapter = null;

        for (var index = 0; index < pages.Count; index++)
        {
            var page = pdf.AddPage();
            page.Size = PageSize.A4;
            page.Orientation = PageOrientation.Portrait;
            using var gfx = XGraphics.FromPdfPage(page);

            foreach (var op in furniture(index + 1).Concat(pages[index]))
            {
                switch (op)
                {
                    case OpenElement element:
                        Open(structure, element);
                        open.Push(new OpenedElement(element, structure.CurrentStructureElement, page.Height.Point));
                        if (element.Tag is StructureTag.Heading1 or StructureTag.Heading2)
                            chapter = Bookmark(pdf, page, element, chapter);
                        break;
                    case CloseElement:
                        structure.End();
                        var closed = open.Pop();
                        if (closed.Element.Tag == StructureTag.Figure)
                            SetBoundingBox(closed);
                        break;
                    case OpenArtifact:
                        structure.BeginArtifact();
                        break;
                    case CloseArtifact:
                        structure.End();
                        break;
                    case DrawText text:
                        gfx.DrawString(text.Text, text.Font, Brush(brushes, text.Colour), text.X, text.Baseline);
                        break;
                    case FillRectangle rectangle:
                        gfx.DrawRectangle(Brush(brushes, rectangle.Colour), rectangle.Rectangle);
                        break;
                    case StrokeLine line:
                        gfx.DrawLine(new XPen(line.Colour, line.Thickness), line.From, line.To);
                        break;
                    case FillCircle circle:
                        gfx.DrawEllipse(Brush(brushes, circle.Colour),
                            circle.Centre.X - circle.Radius, circle.Centre.Y - circle.Radius, 2 * circle.Radius, 2 * circle.Radius);
                        break;
                    case DrawImage image:
                        gfx.DrawImage(XImage.FromStream(new MemoryStream(image.Jpeg, writable: false)), image.Rectangle);
                        break;
                    default:
                        throw new InvalidOperationException($"No drawing defined for {op.GetType().Name}.");
                }
            }

            // An element that continues on the next page (a long paragraph, a table) still has marked content open
            // on this page; it must be closed while this page's graphics can still be written to.
            structure.EndMarkedContentsWithId();
            SetParentTreeAside(accessibility, parentTree);
        }
        RestoreParentTree(accessibility, parentTree);

        if (open.Count > 0)
            throw new InvalidOperationException($"Layout left {open.Count} structure element(s) open; this is a bug in the layout layer.");
    }

    /// <summary>
    /// PDFsharp 6.2.4 looks up the current page in the whole parent tree (/Nums) for every piece of marked content,
    /// which makes tagging quadratic in the number of pages: a 500-page pack spent seconds there. Once a page is
    /// finished nothing refers to its entry again, so its entries are set aside and the tree is put back whole,
    /// in page order, before the document is saved.
    /// </summary>
    static void SetParentTreeAside(UAManager accessibility, List<PdfItem> parentTree)
    {
        if (accessibility.StructureTreeRoot.Elements.GetDictionary("/ParentTree")?.Elements.GetArray("/Nums") is not { } nums)
            return;
        parentTree.AddRange(nums.Elements);
        nums.Elements.Clear();
    }

    static void RestoreParentTree(UAManager accessibility, List<PdfItem> parentTree)
    {
        if (accessibility.StructureTreeRoot.Elements.GetDictionary("/ParentTree")?.Elements.GetArray("/Nums") is not { } nums)
            return;
        foreach (var item in parentTree)
            nums.Elements.Add(item);
    }

    static void Open(StructureBuilder structure, OpenElement element)
    {
        switch (element.Tag)
        {
            case StructureTag.Heading1: structure.BeginElement(PdfBlockLevelElementTag.Heading1); break;
            case StructureTag.Heading2: structure.BeginElement(PdfBlockLevelElementTag.Heading2); break;
            case StructureTag.Paragraph: structure.BeginElement(PdfBlockLevelElementTag.Paragraph); break;
            case StructureTag.Table: structure.BeginElement(PdfBlockLevelElementTag.Table); break;
            case StructureTag.TableHead: structure.BeginElement(PdfBlockLevelElementTag.TableHeadRowGroup); break;
            case StructureTag.TableBody: structure.BeginElement(PdfBlockLevelElementTag.TableBodyRowGroup); break;
            case StructureTag.TableRow: structure.BeginElement(PdfBlockLevelElementTag.TableRow); break;
            case StructureTag.TableHeaderCell:
                structure.BeginElement(PdfBlockLevelElementTag.TableHeaderCell);
                // PDFsharp has no key constant for Scope; without it readers must guess whether a header labels a row or a column.
                structure.CurrentStructureElement.TableAttributes.Elements.SetName("/Scope", "/Column");
                break;
            case StructureTag.TableDataCell: structure.BeginElement(PdfBlockLevelElementTag.TableDataCell); break;
            case StructureTag.List: structure.BeginElement(PdfBlockLevelElementTag.List); break;
            case StructureTag.ListItem: structure.BeginElement(PdfBlockLevelElementTag.ListItem); break;
            case StructureTag.ListLabel: structure.BeginElement(PdfBlockLevelElementTag.Label); break;
            case StructureTag.ListBody: structure.BeginElement(PdfBlockLevelElementTag.ListBody); break;
            case StructureTag.Figure:
                structure.BeginElement(PdfIllustrationElementTag.Figure, element.Label ?? "", element.Bounds);
                break;
            default:
                throw new InvalidOperationException($"No PDF structure type defined for {element.Tag}.");
        }
    }

    /// <summary>
    /// PDFsharp 6.2.4 writes a figure's /BBox straight from the top-left XRect it was given, but PDF measures
    /// from the bottom-left of the page, so the box is flipped here.
    /// </summary>
    static void SetBoundingBox(OpenedElement figure)
    {
        var bounds = figure.Element.Bounds;
        var box = new PdfRectangle(
            new XPoint(bounds.Left, figure.PageHeight - bounds.Bottom),
            new XPoint(bounds.Right, figure.PageHeight - bounds.Top));
        figure.Structure.LayoutAttributes.Elements.SetRectangle("/BBox", box);
    }

    static PdfOutline? Bookmark(PdfDocument pdf, PdfPage page, OpenElement heading, PdfOutline? chapter)
    {
        var parent = heading.Tag == StructureTag.Heading2 && chapter is not null ? chapter.Outlines : pdf.Outlines;
        var outline = parent.Add(heading.Label ?? "", page, opened: true);
        outline.PageDestinationType = PdfPageDestinationType.Xyz;
        outline.Left = 0;
        outline.Top = page.Height.Point - heading.Bounds.Top + 6;
        return heading.Tag == StructureTag.Heading1 ? outline : chapter;
    }

    static XSolidBrush Brush(Dictionary<XColor, XSolidBrush> brushes, XColor colour)
    {
        if (!brushes.TryGetValue(colour, out var brush))
            brushes.Add(colour, brush = new XSolidBrush(colour));
        return brush;
    }

    sealed record OpenedElement(OpenElement Element, PdfStructureElement Structure, double PageHeight);
}
