using System.Text;
using System.Xml;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Octans.Api.Problems.PublicUpdates;
using Octans.Api.ReferenceData;
using Wolverine.Http;

namespace Octans.Api.Community;

/// <summary>An area's latest public updates as an Atom feed (RFC 4287), each entry linking to it on the community page.</summary>
public static class CommunityFeed
{
    private const string Atom = "http://www.w3.org/2005/Atom";

    public static string Of(Area area, IReadOnlyList<PublishedUpdate> updates, string pageUrl, DateTimeOffset now)
    {
        var text = new StringBuilder();
        using (var xml = XmlWriter.Create(text, new XmlWriterSettings { Indent = true, OmitXmlDeclaration = false, Encoding = Encoding.UTF8 }))
        {
            xml.WriteStartElement("feed", Atom);
            xml.WriteAttributeString("xml", "lang", null, "en-GB");
            xml.WriteElementString("id", Atom, pageUrl);
            xml.WriteElementString("title", Atom, $"{area.Name}: you said, we did");
            xml.WriteElementString("subtitle", Atom, $"What the partnership has done about the problems residents of {area.Name} told it about.");
            xml.WriteElementString("updated", Atom, Instant(updates.Count > 0 ? updates[0].WrittenAt : now));
            Link(xml, "self", $"{pageUrl}/feed.atom");
            Link(xml, "alternate", pageUrl);
            xml.WriteStartElement("author", Atom);
            xml.WriteElementString("name", Atom, $"{area.Name} partnership");
            xml.WriteEndElement();
            foreach (var update in updates)
            {
                xml.WriteStartElement("entry", Atom);
                xml.WriteElementString("id", Atom, $"{pageUrl}#{CommunityUpdates.Anchor(update)}");
                xml.WriteElementString("title", Atom, $"{update.Place}: {update.Title}");
                xml.WriteElementString("updated", Atom, Instant(update.WrittenAt));
                Link(xml, "alternate", $"{pageUrl}#{CommunityUpdates.Anchor(update)}");
                xml.WriteStartElement("content", Atom);
                xml.WriteAttributeString("type", "text");
                xml.WriteString(update.Text);
                xml.WriteEndElement();
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        }
        // StringBuilder is UTF-16; the feed is sent as UTF-8, so its declaration says so.
        return text.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"");
    }

    private static void Link(XmlWriter xml, string rel, string href)
    {
        xml.WriteStartElement("link", Atom);
        xml.WriteAttributeString("rel", rel);
        xml.WriteAttributeString("href", href);
        xml.WriteEndElement();
    }

    private static string Instant(DateTimeOffset at) => XmlConvert.ToString(at.ToUniversalTime(), "yyyy-MM-dd'T'HH:mm:ss'Z'");
}

public static class CommunityFeedEndpoint
{
    [AllowAnonymous]
    [WolverineGet("/community/{areaCode}/feed.atom", Name = "CommunityFeed")]
    [Tags("Community")]
    public static async Task<IResult> Get(string areaCode, HttpRequest request, IQuerySession session, TimeProvider clock, CancellationToken cancellation)
    {
        if (await CommunityUpdates.AreaAsync(session, areaCode, cancellation) is not { } area)
            return Results.Text($"Octans knows no area with the code {areaCode}.\n", "text/plain; charset=utf-8", statusCode: 404);
        var updates = await CommunityUpdates.LatestAsync(session, area, cancellation);
        var page = $"{request.Scheme}://{request.Host}/community/{area.Id}";
        return Results.Text(CommunityFeed.Of(area, updates, page, clock.GetUtcNow()), "application/atom+xml; charset=utf-8");
    }
}
