using System.Globalization;
using Octans.Domain;
using Octans.Reports.Layout;

namespace Octans.Reports.Minutes;

/// <summary>Composes a meeting's minutes from their model on the layout layer: no I/O and no clock.</summary>
public static class MinutesDocument
{
    public static RenderedDocument Render(MinutesModel model) => Compose(model).RenderDocument();

    public static PackDocument Compose(MinutesModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var info = new DocumentInfo($"Minutes: {model.Title}", "en-GB", "Operation Octans partnership", model.RecordedUntil,
            subject: $"The decisions of the {MinutesModel.KindName(model.Kind)} meeting for {model.Area}, in agenda order");
        return new PackDocument(info)
            .Header($"{model.Area} · {Date(model.HeldOn)}", "Operation Octans minutes")
            .Footer("Decisions as recorded in Octans · places and counts only")
            .Content(c => Compose(c, model));
    }

    static void Compose(ContentColumn c, MinutesModel model)
    {
        c.Heading1($"Minutes: {model.Title}");
        c.KeyValueList(l => l
            .Item("Area", model.Area)
            .Item("Meeting", model.Kind == MeetingKind.Pathways ? "Pathways (quarterly, residents may join)" : "Tasking (monthly, among partners)")
            .Item("Held on", Date(model.HeldOn))
            .Item("Decisions", model.Decisions.Count.ToString(CultureInfo.InvariantCulture)));
        if (model.Decisions.Count == 0)
        {
            c.Paragraph("No decision has been recorded for this meeting.");
            return;
        }
        c.Paragraph("Each decision is also a review on its problem. Confidence (RAG) is written as Red, Amber or Green next to its colour.");
        c.Table(t =>
        {
            t.FixedColumn("Ref", 52).Column("Problem", 1.4).FixedColumn("RAG", 60).Column("Decision", 2).FixedColumn("Next review", 70);
            foreach (var item in model.Decisions)
                t.Row(item.Reference, item.Title, RagBadge(item.Rag), item.Decision, item.NextReviewOn is { } next ? Date(next) : "None set");
        });
        foreach (var item in model.Decisions)
        {
            c.Heading2($"{item.Reference} {item.Title}");
            c.KeyValueList(l => l
                .Item("Phase", item.Phase.ToString())
                .Item("On the agenda because", string.Join("; ", item.Why.Select(Agenda.Describe)))
                .Item("Confidence (RAG)", RagBadge(item.Rag))
                .Item("Decision", item.Decision)
                .Item("Next review", item.NextReviewOn is { } next ? Date(next) : "None set")
                .Item("Recorded by", item.By));
        }
    }

    static Badge RagBadge(Rag rag) => rag switch
    {
        Rag.Red => new Badge(BadgeColour.Red, "Red"),
        Rag.Amber => new Badge(BadgeColour.Amber, "Amber"),
        _ => new Badge(BadgeColour.Green, "Green"),
    };

    static string Date(DateOnly day) => PackWords.Date(day);
}
