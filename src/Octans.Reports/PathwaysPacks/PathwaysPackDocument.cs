using System.Security.Cryptography;
using Octans.Domain;
using Octans.Reports.Layout;
using Octans.Reports.MonthlyPacks;
using static Octans.Reports.PackWords;

namespace Octans.Reports.PathwaysPacks;

/// <summary>
/// Composes the quarterly Pathways pack from its model on the layout layer, in plain English for residents and partners.
/// No I/O and no clock: the document's date is the quarter's cutoff, so the same model always gives the same bytes.
/// </summary>
public static class PathwaysPackDocument
{
    public static RenderedPack Render(PathwaysPackModel model)
    {
        var rendered = Compose(model).RenderDocument();
        return new RenderedPack(rendered.Pdf, rendered.Pages, Convert.ToHexStringLower(SHA256.HashData(rendered.Pdf)));
    }

    public static PackDocument Compose(PathwaysPackModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var info = new DocumentInfo(model.Title, "en-GB", "Operation Octans partnership", model.Cutoff,
            subject: $"What the partnership did about the places residents worry about in {model.Area}, {model.Quarter.Name}");
        return new PackDocument(info)
            .Header($"{model.Area} · {model.Quarter.Name}", "Pathways pack")
            .Footer($"Record as at {CutoffText(model)} · places and counts only")
            .Content(c => Cover(c, model))
            .Content(c => Phases(c, model))
            .Content(c => MovedOn(c, model))
            .Content(c => Reported(c, model))
            .Content(c => ComingNext(c, model))
            .Content(Words);
    }

    static void Cover(ContentColumn c, PathwaysPackModel model)
    {
        c.Heading1(model.Title);
        c.Paragraph(Summary(model));
        c.KeyValueList(l => l
            .Item("Area", model.Area)
            .Item("Quarter", model.Quarter.Name)
            .Item("Record as at", $"{CutoffText(model)}, the end of the quarter.")
            .Item("New problems", Count(model.NewProblems))
            .Item("Places that moved on", Count(model.MovedOn.Count))
            .Item("Reports from residents", Count(model.Reports)));
        c.Paragraph(
            "The partnership works on each place in three steps: Clear the immediate harm, Hold the place so the harm does not " +
            "come back, and Build lasting change with the people who live there. This pack says where places stand and what " +
            "changed. It names streets, never people, and leaves out places that must be kept private.");
    }

    public static string Summary(PathwaysPackModel model) =>
        $"In {model.Quarter.Name}, {Plural(model.NewProblems, "new problem was", "new problems were")} taken on in {model.Area}, " +
        $"{Plural(model.MovedOn.Count, "place moved", "places moved")} on a step or closed, {Plural(model.WentBack.Count, "place", "places")} " +
        $"went back a step, and residents reported {Plural(model.Reports, "problem", "problems")} again at {Plural(model.Reported.Count, "place", "places")} " +
        "the partnership is working on.";

    static void Phases(ContentColumn c, PathwaysPackModel model)
    {
        c.Heading1("What changed in each step");
        c.Table(t =>
        {
            t.Column("Step", 1.4).Column("At the start", 1, TextAlign.Right).Column("Came in", 1, TextAlign.Right)
                .Column("Moved on", 1, TextAlign.Right).Column("Went back", 1, TextAlign.Right).Column("At the end", 1, TextAlign.Right);
            foreach (var p in model.ByPhase)
                t.Row(p.Phase.ToString(), Count(p.AtStart), Count(p.CameIn), Count(p.MovedOn), Count(p.WentBack), Count(p.AtEnd));
        });
        c.Paragraph(model.Closed == 0
            ? "No problem was closed in the quarter."
            : $"{Sentence(Plural(model.Closed, "problem was", "problems were"))} closed: " +
              string.Join(", ", model.ClosedByOutcome.Select(o => $"{MonthlyPackDocument.OutcomeWord(o.Outcome).ToLowerInvariant()} {Count(o.Count)}")) + ".");
    }

    static void MovedOn(ContentColumn c, PathwaysPackModel model)
    {
        c.Heading1("Places that moved on, and why");
        if (model.MovedOn.Count == 0) c.Paragraph("No place moved on a step or closed in the quarter.");
        else Moves(c, model.MovedOn);
        c.Heading2("Places that went back a step");
        if (model.WentBack.Count == 0) c.Paragraph("No place went back a step in the quarter.");
        else Moves(c, model.WentBack);
    }

    static void Moves(ContentColumn c, IReadOnlyList<PlaceMove> moves) => c.Table(t =>
    {
        t.Column("Place", 1.6).FixedColumn("Ref", 50).FixedColumn("When", 64).Column("Step", 1).Column("Why", 2.4);
        foreach (var m in moves)
            t.Row($"{m.Place} ({m.Category})", m.Reference, Date(m.On), m.To is { } to ? $"{m.From} to {to}" : $"{m.From}, closed", Clip(m.Why));
    });

    static void Reported(ContentColumn c, PathwaysPackModel model)
    {
        c.Heading1("What residents reported, and what was done");
        if (model.Reported.Count == 0)
        {
            c.Paragraph("Residents reported no problem again at a place the partnership is working on.");
            return;
        }
        c.Paragraph($"Residents reported {Plural(model.Reports, "problem", "problems")} again at {Plural(model.Reported.Count, "place", "places")}. " +
                    "Each place below shows how many reports came in and the work partners finished there in the quarter.");
        c.Table(t =>
        {
            t.Column("Place", 1.6).FixedColumn("Ref", 50).FixedColumn("Reports", 48, TextAlign.Right).Column("What was done", 3);
            foreach (var r in model.Reported)
                t.Row($"{r.Place} ({r.Category})", r.Reference, Count(r.Reports),
                    r.Done.Count == 0 ? $"Nothing finished yet; the place is in {r.Phase}." : Clip(string.Join("; ", r.Done.Select(d => d.TrimEnd('.'))) + "."));
        });
    }

    static void ComingNext(ContentColumn c, PathwaysPackModel model)
    {
        c.Heading1("What comes next");
        if (model.ComingNext.Count == 0)
        {
            c.Paragraph("No open place has work or a review planned.");
            return;
        }
        c.Paragraph($"{Sentence(Plural(model.ComingNext.Count, "place has", "places have"))} work or a review ahead. " +
                    "“Slipping back” means residents reported the problem again after the place had moved on.");
        c.Table(t =>
        {
            t.Column("Place", 1.8).FixedColumn("Ref", 50).FixedColumn("Step", 40).FixedColumn("Open actions", 48, TextAlign.Right)
                .FixedColumn("Next due", 64).FixedColumn("Next review", 64).Column("Note", 1);
            foreach (var n in model.ComingNext)
                t.Row($"{n.Place} ({n.Category})", n.Reference, n.Phase.ToString(), Count(n.OpenActions),
                    n.NextDue is { } due ? Date(due) : "", n.NextReviewOn is { } review ? Date(review) : "", n.SlippingBack ? "Slipping back" : "");
        });
    }

    static void Words(ContentColumn c) => c.Heading2("Words this pack uses").KeyValueList(l => l
        .Item("Clear", "Removing the immediate harm: enforcement, clearing waste, securing buildings, repairing lights.")
        .Item("Hold", "Keeping the place stable so the harm does not return: patrols, inspections, regular cleaning.")
        .Item("Build", "Lasting change with residents: better lighting, alley gates, sites brought back into use.")
        .Item("Moved on", "The partnership agreed a place was ready for its next step, or closed the problem."));

    static string CutoffText(PathwaysPackModel model)
    {
        var local = TimeZoneInfo.ConvertTime(model.Cutoff, London.TimeZone);
        return string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"00:00 on {local:d MMMM yyyy} ({(local.Offset == TimeSpan.Zero ? "GMT" : "BST")})");
    }
}
