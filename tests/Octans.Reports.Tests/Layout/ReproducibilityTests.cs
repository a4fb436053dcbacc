using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Octans.Reports.Layout;
using UglyToad.PdfPig.Tokens;

namespace Octans.Reports.Tests.Layout;

public class ReproducibilityTests
{
    static string Sha256(byte[] bytes) => Convert.ToHexString(SHA256.HashData(bytes));

    [Fact]
    public void The_same_document_renders_to_the_same_bytes()
    {
        var first = SamplePack.Create().Render();
        var second = SamplePack.Create().Render();

        Sha256(second).ShouldBe(Sha256(first));
    }

    [Fact]
    public void A_different_timestamp_gives_different_bytes()
    {
        var october = SamplePack.Create(SamplePack.Cutoff).Render();
        var november = SamplePack.Create(new DateTimeOffset(2026, 11, 30, 23, 59, 59, TimeSpan.Zero)).Render();

        Sha256(november).ShouldNotBe(Sha256(october));
    }

    [Fact]
    public void The_timestamp_is_the_creation_and_modification_date_with_its_own_offset()
    {
        var summerCutoff = new DateTimeOffset(2026, 7, 31, 23, 59, 59, TimeSpan.FromHours(1));
        using var pdf = RenderedPdf.Read(SamplePack.Create(summerCutoff).Render());

        pdf.Information.CreationDate.ShouldBe("D:20260731235959+01'00'");
        pdf.Information.ModifiedDate.ShouldBe("D:20260731235959+01'00'");
    }

    [Fact]
    public void The_file_identifier_is_a_hash_of_the_content_rather_than_random_or_blank()
    {
        string Identifier(byte[] bytes)
        {
            using var pdf = RenderedPdf.Read(bytes);
            var ids = pdf.TrailerIds.Cast<HexToken>().Select(h => Convert.ToHexString(h.Bytes.ToArray())).ToList();
            ids.Count.ShouldBe(2);
            ids[1].ShouldBe(ids[0]);
            return ids[0];
        }

        var id = Identifier(SamplePack.Create().Render());
        id.ShouldNotBe(new string('0', 32));
        Identifier(SamplePack.Create().Render()).ShouldBe(id);
        Identifier(SamplePack.Create(problemRows: 61).Render()).ShouldNotBe(id);
    }

    [Fact]
    public void The_bytes_do_not_depend_on_the_current_culture()
    {
        var british = Sha256(SamplePack.Create().Render());
        var original = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            Sha256(SamplePack.Create().Render()).ShouldBe(british);
        }
        finally
        {
            CultureInfo.CurrentCulture = original;
        }
    }

    [Fact]
    public void Documents_rendered_at_the_same_time_on_several_threads_match_one_rendered_alone()
    {
        var alone = Sha256(SamplePack.Create().Render());

        var concurrent = new string[8];
        Parallel.For(0, concurrent.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 },
            i => concurrent[i] = Sha256(SamplePack.Create().Render()));

        concurrent.ShouldAllBe(hash => hash == alone);
    }

    [Fact]
    public void The_xmp_metadata_is_well_formed_and_matches_the_document_info_even_when_the_title_has_markup_characters()
    {
        var info = new DocumentInfo("Police & council <draft> pack", "en-GB", "Operation Octans", SamplePack.Cutoff);
        var bytes = new PackDocument(info).Content(c => c.Heading1("Summary").Paragraph("Text.")).Render();
        using var pdf = RenderedPdf.Read(bytes);

        var metadata = pdf.Get<StreamToken>(pdf.Catalog, "Metadata")!;
        var xmp = XDocument.Parse(Encoding.UTF8.GetString(metadata.Data.Span).TrimStart('\uFEFF'));
        XNamespace dc = "http://purl.org/dc/elements/1.1/";
        XNamespace xmpBasic = "http://ns.adobe.com/xap/1.0/";
        XNamespace mm = "http://ns.adobe.com/xap/1.0/mm/";
        xmp.Descendants(dc + "title").Single().Value.ShouldBe("Police & council <draft> pack");
        xmp.Descendants(dc + "language").Single().Value.ShouldBe("en-GB");
        xmp.Descendants(xmpBasic + "CreateDate").Single().Value.ShouldBe("2026-10-31T23:59:59+00:00");
        xmp.Descendants(mm + "DocumentID").Single().Value.ShouldNotBe("uuid:00000000-0000-0000-0000-000000000000");
        pdf.Information.Title.ShouldBe("Police & council <draft> pack");
    }

    [Fact]
    public void The_producer_and_creator_name_only_fixed_software_versions()
    {
        using var pdf = RenderedPdf.Read(SamplePack.Create().Render());

        pdf.Information.Creator.ShouldBe("Octans");
        // A debug build of PDFsharp appends the operating system, which would make bytes differ between machines.
        pdf.Information.Producer!.ShouldMatch(@"^PDFsharp \d+\.\d+\.\d+$");
    }
}
