using Octans.Reports.Layout;

namespace Octans.Reports.Tests.Layout;

/// <summary>A pack shaped like the councillors' monthly pack, with made-up High Town problems.</summary>
internal static class SamplePack
{
    public static readonly DateTimeOffset Cutoff = new(2026, 10, 31, 23, 59, 59, TimeSpan.Zero);

    public static readonly string[] Months = ["Nov", "Dec", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct"];

    public static DocumentInfo Info(DateTimeOffset? timestamp = null) =>
        new("High Town monthly pack, October 2026", "en-GB", "Operation Octans partnership", timestamp ?? Cutoff,
            subject: "Clear, Hold, Build progress for councillors");

    public static PackDocument Create(DateTimeOffset? timestamp = null, int problemRows = 60) =>
        new PackDocument(Info(timestamp))
            .Header("High Town · October 2026", "Monthly progress pack")
            .Footer("Built from events up to 31 October 2026, 23:59")
            .Content(c =>
            {
                c.Heading1("Summary");
                c.Paragraph(p => p
                    .Text("In October the partnership opened ")
                    .Bold("4 new problems")
                    .Text(", moved 3 problems from Clear to Hold and closed 2. Street lighting repairs on Hitchin Road finished ahead of the due date, and the alley behind Wenlock Street was cleared of fly-tipping twice."));
                c.KeyValueList(l => l
                    .Item("Open problems", "17")
                    .Item("Actions completed", "42")
                    .Item("Actions overdue", "5")
                    .Item("Overall confidence", new Badge(BadgeColour.Amber, "Amber")));
                c.Heading2("Problems by phase over the last 12 months");
                c.BarChart(new BarChart(
                    "Stacked bar chart of open problems by phase, November 2025 to October 2026. Clear falls from 9 to 4, Hold rises from 2 to 8 and Build from 0 to 5.",
                    Months,
                    [
                        new ChartSeries("Clear", [9, 9, 8, 8, 7, 7, 6, 6, 5, 5, 4, 4]),
                        new ChartSeries("Hold", [2, 3, 3, 4, 5, 5, 6, 6, 7, 7, 8, 8]),
                        new ChartSeries("Build", [0, 0, 1, 1, 1, 2, 2, 3, 3, 4, 4, 5]),
                    ],
                    BarChartLayout.Stacked,
                    valueAxisTitle: "Open problems"));
                c.Heading2("Actions by partner this month");
                c.BarChart(new BarChart(
                    "Grouped bar chart of actions in October by partner. Luton Borough Council completed 18 with 2 overdue; Bedfordshire Police 12 with 1 overdue; Azalea 8 with 0 overdue; health services 4 with 2 overdue.",
                    ["Luton Borough Council", "Bedfordshire Police", "Azalea", "Health services"],
                    [
                        new ChartSeries("Completed", [18, 12, 8, 4]),
                        new ChartSeries("Overdue", [2, 1, 0, 2]),
                    ],
                    height: 180));
                c.Heading1("Where each problem stands");
                c.Paragraph("Confidence is the coordinator's judgement of whether the problem will meet its exit criteria by the next review. It is written as a word next to the coloured dot.");
                c.Table(t =>
                {
                    t.FixedColumn("Ref", 52).Column("Problem", 4).Column("Phase", 1.2).Column("Confidence", 1.5).Column("Exit criteria met", 1.4, TextAlign.Right);
                    for (var i = 1; i <= problemRows; i++)
                        t.Row($"HT-{i:0000}", ProblemTitle(i), Phase(i), Confidence(i), $"{i % 4} of 4");
                });
                c.PageBreak();
                c.Heading1("Notes");
                c.Paragraph("This pack carries counts and places only. It names no residents, victims or suspects, in line with the partnership's information-sharing agreement under section 115 of the Crime and Disorder Act 1998.");
            });

    public static string ProblemTitle(int i) => (i % 5) switch
    {
        0 => $"Fly-tipping in the alley behind Wenlock Street, section {i}",
        1 => $"Street lights out on Hitchin Road between the bridge and the community centre, column group {i}",
        2 => $"Derelict shop front at Bury Park parade number {i}, open to the weather and used for drug dealing at night",
        3 => $"Drug litter in the play area off Dunstable Road ({i})",
        _ => $"Overgrown footpath to the station, stretch {i}",
    };

    static string Phase(int i) => (i % 3) switch { 0 => "Clear", 1 => "Hold", _ => "Build" };

    static Badge Confidence(int i) => (i % 3) switch
    {
        0 => new Badge(BadgeColour.Red, "Red"),
        1 => new Badge(BadgeColour.Amber, "Amber"),
        _ => new Badge(BadgeColour.Green, "Green"),
    };
}
