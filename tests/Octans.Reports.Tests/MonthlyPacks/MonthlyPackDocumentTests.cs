using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Octans.Reports.MonthlyPacks;
using Octans.Reports.Tests.Layout;
using static Octans.Reports.Tests.MonthlyPacks.KnownArea;

namespace Octans.Reports.Tests.MonthlyPacks;

public class MonthlyPackDocumentTests
{
    static readonly Lazy<RenderedPack> Known = new(() => MonthlyPackDocument.Render(Model()));

    static readonly Lazy<RenderedPack> Busy = new(() => MonthlyPackDocument.Render(MonthlyPackModel.From(
        AreaName, October, BusyArea.Histories(), Teams)));

    [Fact]
    public void The_summary_shows_the_known_counts_by_phase_and_for_the_month()
    {
        using var pdf = RenderedPdf.Read(Known.Value.Pdf);

        var page = pdf.PageWithLine("Summary");
        page.ShouldBeGreaterThan(0);
        var lines = pdf.Lines(page);
        lines.ShouldContain("Phase Start of October 2026 End of October 2026 Change");
        lines.ShouldContain("Clear 1 1 No change");
        lines.ShouldContain("Hold 2 2 No change");
        lines.ShouldContain("Build 1 0 −1");
        lines.ShouldContain("All open problems 4 3 −1");
        lines.ShouldContain("Closed (all time) 0 2 +2");
        lines.ShouldContain("New problems 1");
        lines.ShouldContain("Moved forward a phase 1");
        lines.ShouldContain("Moved back a phase 1");
        lines.ShouldContain("Closed 2: Resolved 1, Handed over 1");
        lines.ShouldContain("Recurrences logged 1");
        lines.ShouldContain("Actions opened 3");
        lines.ShouldContain("Actions completed 2");
        lines.ShouldContain("Actions overdue at month end 3");
    }

    [Fact]
    public void An_overdue_action_is_listed_under_its_team_with_its_due_date_and_days_overdue()
    {
        using var pdf = RenderedPdf.Read(Known.Value.Pdf);

        var page = pdf.PageWithLine("Street Lighting (Luton Council): 1 overdue action");
        page.ShouldBeGreaterThan(0);
        var lines = pdf.Lines(page);
        var heading = lines.ToList().IndexOf("Street Lighting (Luton Council): 1 overdue action");
        lines[heading + 1].ShouldBe("Problem Action Due Days overdue");
        lines[heading + 2].ShouldBe("HT-0001 Night re-inspection of the columns 15 October 2026 17");
        pdf.Lines(pdf.PageWithLine("Summary")).ShouldContain("Street Lighting Luton Council 1");
    }

    [Fact]
    public void A_problems_section_tells_its_phase_history_actions_and_recurrence()
    {
        using var pdf = RenderedPdf.Read(Known.Value.Pdf);

        var text = AllText(pdf);
        text.ShouldContain("HT-0002 · Fly-tipping in the alley behind Burr Street");
        text.ShouldContain("Phase history: Clear from 5 October 2026 (reported); Hold from 21 October 2026 (moved forward with work still open: " +
                           "Letters are going out; the alley is clear); Clear from 28 October 2026 (moved back: Dumping returned within a week).");
        text.ShouldContain("Exit criteria, 0 of 1 met: No fresh dumping for four weeks (Clear): not yet met.");
        // The action's cells wrap, and the text comes out a line of the row at a time.
        text.ShouldContain("Clear the fly-tipping from the Clean Streets Done 8 October 2026: Two tonnes of alley waste removed.");
        text.ShouldContain("Recurrence seen on 26 October 2026: Fresh bags dumped by the bins (reported by: Resident report).");
        text.ShouldContain("Review at the meeting on 8 October 2026, rated Amber: Keep the night inspections going until the new lanterns arrive. Next review 12 November 2026.");
        text.ShouldNotContain("HT-0006");
        text.ShouldNotContain("A walkabout with residents is planned for November.");
    }

    [Fact]
    public void Problems_slipping_back_are_named_under_the_board_with_their_reports_since_the_review()
    {
        using var known = RenderedPdf.Read(Known.Value.Pdf);
        AllText(known).ShouldContain("Slipping back No problem in Hold or Build drew new reports since its last review by the end of October 2026.");

        var slipping = MonthlyPackDocument.Render(MonthlyPackModel.From(
            AreaName, October, MonthlyPackModelTests.SlippingBack().Select(p => p.Events).ToList(), Teams));
        using var pdf = RenderedPdf.Read(slipping.Pdf);
        AllText(pdf).ShouldContain("HT-0007 Dumping in the Brunswick Street alley (Hold): 1 new report since the review on 8 October 2026.");
    }

    [Fact]
    public void The_board_writes_each_rating_as_a_word()
    {
        using var pdf = RenderedPdf.Read(Known.Value.Pdf);

        var lines = pdf.Lines(pdf.PageWithLine("Problem board"));
        lines.ShouldContain(l => l.StartsWith("HT-0001 Street lights out on") && l.Contains(" Hold Amber High 1 1"));
        lines.ShouldContain(l => l.StartsWith("HT-0002 ") && l.Contains(" Clear Not rated Medium 1 1"));
    }

    [Fact]
    public void The_cover_names_the_area_the_month_the_cutoff_and_the_partners()
    {
        using var pdf = RenderedPdf.Read(Known.Value.Pdf);

        var lines = pdf.Lines(1);
        lines.ShouldContain("Operation Octans — High Town progress pack");
        lines.ShouldContain("Month October 2026");
        lines.ShouldContain(l => l.StartsWith("Record as at 00:00 on 1 November 2026 (GMT)"));
        lines.ShouldContain("Partners involved Bedfordshire Police, Community groups, Luton Council");
    }

    [Fact]
    public void Every_page_has_the_area_and_month_at_the_top_and_page_x_of_y_at_the_bottom()
    {
        foreach (var pack in new[] { Known.Value, Busy.Value })
        {
            using var pdf = RenderedPdf.Read(pack.Pdf);
            pack.Pages.ShouldBe(pdf.PageCount);
            foreach (var page in pdf.Pages)
            {
                var lines = pdf.Lines(page.Number);
                lines[0].ShouldBe("High Town · October 2026 Operation Octans progress pack");
                lines[^1].ShouldEndWith($"Page {page.Number} of {pdf.PageCount}");
            }
        }
    }

    [Fact]
    public void The_board_repeats_its_header_row_on_every_page_it_continues_onto()
    {
        using var pdf = RenderedPdf.Read(Busy.Value.Pdf);

        var first = pdf.PageWithLine("Problem board");
        // The list of problems slipping back follows the board.
        var last = pdf.PageWithLine("Slipping back");
        (last - first).ShouldBeGreaterThanOrEqualTo(2, "the board should run over several pages");
        for (var page = first + 1; page <= last; page++)
        {
            var lines = pdf.Lines(page).TakeWhile(l => l != "Slipping back").ToList();
            if (page == last && !lines.Any(l => Regex.IsMatch(l, @"^HT-\d{4} "))) continue;
            var header = lines.ToList().FindIndex(l => l == "Ref Problem Location Phase RAG Risk Open Overdue");
            header.ShouldBeGreaterThanOrEqualTo(0, $"page {page} has no header row");
            lines.Take(header).ShouldNotContain(l => Regex.IsMatch(l, @"^HT-\d{4} "), $"page {page} has board rows above its header row");
            lines.Skip(header).ShouldContain(l => Regex.IsMatch(l, @"^HT-\d{4} "));
        }
    }

    [Fact]
    public void The_structure_tree_has_the_packs_headings_table_headers_and_charts_with_alt_text()
    {
        using var pdf = RenderedPdf.Read(Known.Value.Pdf);

        var document = pdf.StructureTree().Children.ShouldHaveSingleItem();
        var nodes = document.Descendants().ToList();
        nodes.Count(n => n.Type == "H1").ShouldBe(7);
        nodes.Count(n => n.Type == "H2").ShouldBe(3 + 1 + 3 + 4 + 2);
        var tables = nodes.Where(n => n.Type == "Table").ToList();
        tables.Count.ShouldBeGreaterThanOrEqualTo(6);
        tables.ShouldAllBe(t => t.Children[0].Type == "THead" && t.Children[0].Children[0].Children.All(c => c.Type == "TH"));
        var figures = nodes.Where(n => n.Type == "Figure").ToList();
        figures.Count.ShouldBe(2);
        figures[0].Alt.ShouldStartWith("Stacked bar chart of open problems by phase at the end of each month, November 2025 to October 2026.");
        figures[0].Alt!.ShouldContain("At the end of October 2026: 1 in Clear, 2 in Hold and 0 in Build.");
        figures[1].Alt!.ShouldContain("In October 2026: 3 opened and 2 completed.");
    }

    [Fact]
    public void The_pack_declares_its_title_and_language_and_is_dated_at_the_cutoff()
    {
        using var pdf = RenderedPdf.Read(Known.Value.Pdf);

        pdf.Information.Title.ShouldBe("High Town progress pack, October 2026");
        pdf.TextOf(pdf.Catalog, "Lang").ShouldBe("en-GB");
        pdf.Information.CreationDate.ShouldBe("D:20261101000000+00'00'");
    }

    [Fact]
    public void The_same_month_rendered_twice_gives_the_same_bytes_and_hash()
    {
        var again = MonthlyPackDocument.Render(Model());

        again.Sha256.ShouldBe(Known.Value.Sha256);
        again.Pdf.ShouldBe(Known.Value.Pdf);
        again.Sha256.ShouldBe(Convert.ToHexStringLower(SHA256.HashData(again.Pdf)));
    }

    [Fact]
    public void A_month_with_no_activity_still_renders_a_complete_pack_that_says_so()
    {
        var pack = MonthlyPackDocument.Render(Model(new PackMonth(2026, 3)));

        using var pdf = RenderedPdf.Read(pack.Pdf);
        var text = AllText(pdf);
        text.ShouldContain("No activity this month. Nothing was recorded for High Town's problems in March 2026");
        text.ShouldContain("No problem in High Town was open at the end of March 2026.");
        text.ShouldContain("No action was overdue at the end of March 2026.");
        text.ShouldContain("Record as at 00:00 on 1 April 2026 (BST)");
        pdf.StructureTree().Descendants().Count(n => n.Type == "Figure").ShouldBe(2);
        pdf.Lines(pdf.PageCount)[^1].ShouldEndWith($"Page {pdf.PageCount} of {pdf.PageCount}");
    }

    [Fact]
    public void Poppler_reads_the_pack_without_errors_and_finds_every_font_embedded()
    {
        var path = Path.Combine(Path.GetTempPath(), $"octans-pack-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(path, Busy.Value.Pdf);
        try
        {
            var text = Poppler.Run("pdftotext", $"\"{path}\" -");
            text.Errors.ShouldBeEmpty();
            text.Output.ShouldContain("Operation Octans — High Town progress pack");
            text.Output.ShouldContain($"Page {Busy.Value.Pages} of {Busy.Value.Pages}");

            var fonts = Poppler.Run("pdffonts", $"\"{path}\"");
            fonts.Errors.ShouldBeEmpty();
            var rows = fonts.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(2).ToList();
            rows.ShouldNotBeEmpty();
            rows.ShouldAllBe(row => row.Contains("Liberation Sans") && Regex.IsMatch(row, @"\s+yes\s+yes\s+yes\s+"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    static string AllText(RenderedPdf pdf) =>
        Regex.Replace(string.Join(" ", Enumerable.Range(1, pdf.PageCount).SelectMany(pdf.Lines)), @"\s+", " ");
}
