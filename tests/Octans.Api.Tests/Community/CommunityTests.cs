using System.Xml.Linq;
using Octans.Api.Tests.Problems;
using Octans.Domain;
using static Octans.Api.Tests.Problems.ProblemsApi;

namespace Octans.Api.Tests.Community;

/// <summary>"You said, we did": the community page, its Atom feed and the month's text, read without signing in.</summary>
[Collection(ApiCollection.Name)]
public sealed class CommunityTests(AppFixture app)
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    private sealed record Published(Octans.Reports.MonthlyPacks.PackMonth Month, string Code, string Update, GivenProblem Shown, string[] Secrets);

    /// <summary>
    /// An area with one problem whose update is published, and three that must never be: one marked sensitive after its
    /// update was written, one whose category was made sensitive after its update, and one in a category sensitive from the start.
    /// </summary>
    private async Task<Published> GivenAnAreaWithUpdates()
    {
        var area = await app.GivenArea();
        var shown = await app.GivenProblem("Dark alley by the Burr Street garages", area, location: "12 Burr Street, by the garages", pin: (51.8861, -0.4125));
        var update = "The alley lamps were repaired on Monday and are checked every week.";
        await app.WritePublicUpdate(shown.Id, shown.Version, update);

        var marked = await app.GivenProblem("Outreach meets people behind the Midland Road arches", area, location: "Behind the arches, Midland Road");
        var version = await app.WritePublicUpdate(marked.Id, marked.Version, "Lighting on the route behind the arches is being checked.");
        await app.MarkSensitive(marked.Id, version);

        var category = await app.GivenCategory();
        var inCategory = await app.GivenProblem("Night shelter spot under the Old Bedford Road bridge", area, category: category, location: "Old Bedford Road bridge");
        await app.WritePublicUpdate(inCategory.Id, inCategory.Version, "Litter cleared from under the bridge.");
        await app.Post(ProblemsApi.Admin, $"/api/categories/{Uri.EscapeDataString(category)}/sensitivity", new { sensitive = true });

        var alwaysSensitive = await app.GivenProblem("Safe space by the North Street church hall", area, category: await app.GivenCategory(sensitive: true));

        return new(Octans.Reports.MonthlyPacks.PackMonth.Of(app.Clock.GetUtcNow()), area.Id, update, shown,
        [
            marked.Reference, marked.State.Title, "Midland Road", "behind the arches",
            inCategory.Reference, inCategory.State.Title, "under the bridge",
            alwaysSensitive.Reference, alwaysSensitive.State.Title,
        ]);
    }

    [Fact]
    public async Task The_page_shows_the_updates_at_street_level_and_nothing_sensitive()
    {
        var area = await GivenAnAreaWithUpdates();

        var page = await app.PublicText($"/community/{area.Code}");

        page.ShouldContain(area.Update);
        page.ShouldContain(area.Shown.State.Title);
        page.ShouldContain("Burr Street");
        page.ShouldNotContain("12 Burr Street");
        page.ShouldNotContain("51.886");
        page.ShouldContain($"/community/{area.Code}/feed.atom");
        foreach (var secret in area.Secrets) page.ShouldNotContain(secret);
    }

    [Fact]
    public async Task The_feed_is_Atom_with_one_entry_per_published_update_and_nothing_sensitive()
    {
        var area = await GivenAnAreaWithUpdates();

        var result = await app.Public($"/community/{area.Code}/feed.atom");

        result.Context.Response.ContentType.ShouldBe("application/atom+xml; charset=utf-8");
        var text = await result.ReadAsTextAsync();
        var feed = XDocument.Parse(text).Root!;
        feed.Name.ShouldBe(Atom + "feed");
        foreach (var required in new[] { "id", "title", "updated", "author" }) feed.Element(Atom + required).ShouldNotBeNull(required);
        feed.Elements(Atom + "link").ShouldContain(l => (string?)l.Attribute("rel") == "self");
        var entry = feed.Elements(Atom + "entry").ShouldHaveSingleItem();
        entry.Element(Atom + "content")!.Value.ShouldBe(area.Update);
        entry.Element(Atom + "title")!.Value.ShouldBe($"Burr Street: {area.Shown.State.Title}");
        Uri.IsWellFormedUriString(entry.Element(Atom + "id")!.Value, UriKind.Absolute).ShouldBeTrue();
        (DateTimeOffset.Parse(entry.Element(Atom + "updated")!.Value) - app.Clock.GetUtcNow()).Duration().ShouldBeLessThan(TimeSpan.FromSeconds(1));
        foreach (var secret in area.Secrets) text.ShouldNotContain(secret);
    }

    [Fact]
    public async Task The_months_text_has_a_short_line_per_update_and_nothing_sensitive()
    {
        var area = await GivenAnAreaWithUpdates();

        var result = await app.Public($"/community/{area.Code}/{area.Month}.txt");

        result.Context.Response.ContentType.ShouldBe("text/plain; charset=utf-8");
        var text = await result.ReadAsTextAsync();
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldContain(area.Month.Name);
        lines[1..].ShouldBe([$"{app.Today("d MMM")}, Burr Street: {area.Update}"]);
        foreach (var secret in area.Secrets) text.ShouldNotContain(secret);
    }

    [Fact]
    public async Task An_update_of_the_longest_text_on_the_longest_street_fits_an_alert_without_read_more()
    {
        var area = await app.GivenArea();
        var street = string.Join(' ', Enumerable.Repeat("Longwinded", 12)) + " Road, by the shops";
        var problem = await app.GivenProblem("Fly-tipping on a long road", area, location: street);
        await app.WritePublicUpdate(problem.Id, problem.Version, string.Join(' ', Enumerable.Repeat("Cleared", 26))[..TextLimits.PublicUpdate]);

        var lines = (await app.PublicText($"/community/{area.Id}/{app.ThisMonth()}.txt")).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        lines.Length.ShouldBe(2);
        lines[1].Length.ShouldBeLessThanOrEqualTo(TextLimits.PublicItem);
        lines[1].Length.ShouldBeGreaterThan(TextLimits.PublicUpdate);
    }

    [Fact]
    public async Task A_month_without_updates_says_so()
    {
        var area = await app.GivenArea();
        (await app.PublicText($"/community/{area.Id}/2026-01.txt")).ShouldContain($"No updates for {area.Name} in January 2026.");
    }

    [Theory]
    [InlineData("/community/NOWHERE", 404)]
    [InlineData("/community/NOWHERE/feed.atom", 404)]
    [InlineData("/community/NOWHERE/2026-11.txt", 404)]
    [InlineData("/community/HT/2026-13.txt", 400)]
    [InlineData("/community/HT/2026-1.txt", 400)]
    [InlineData("/community/HT/november.txt", 400)]
    [InlineData("/community/HT/1999-12.txt", 400)]
    public async Task An_unknown_area_is_a_404_and_a_month_that_is_not_one_a_400(string url, int status) =>
        await app.Public(url, status);
}
