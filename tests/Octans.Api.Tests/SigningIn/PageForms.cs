using System.Text.RegularExpressions;

namespace Octans.Api.Tests.SigningIn;

/// <summary>Posting the pages' forms as a browser would: cookies and the antiforgery field carried by hand.</summary>
public static partial class PageForms
{
    /// <summary>The page's antiforgery cookie and form field, for a form posted back to it.</summary>
    public static async Task<(string Cookie, string Form)> FormOf(HttpClient client, string url, string? cookies)
    {
        var page = await Send(client, HttpMethod.Get, url, cookies);
        var html = await page.Content.ReadAsStringAsync();
        var form = AntiforgeryField().Match(html).Groups[1].Value;
        return (CookieFrom(page, ".AspNetCore.Antiforgery") ?? cookies!.Split("; ")[0], form);
    }

    public static async Task<HttpResponseMessage> Send(HttpClient client, HttpMethod method, string url, string? cookies,
        Dictionary<string, string>? form = null)
    {
        var request = new HttpRequestMessage(method, url);
        if (cookies is not null) request.Headers.Add("Cookie", cookies);
        if (form is not null) request.Content = new FormUrlEncodedContent(form);
        return await client.SendAsync(request);
    }

    public static string? CookieFrom(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies)
            ? cookies.Select(c => c.Split(';')[0]).FirstOrDefault(c => c.StartsWith(name))
            : null;

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
