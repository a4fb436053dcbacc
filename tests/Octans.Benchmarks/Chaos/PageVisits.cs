using System.Net;
using System.Text.RegularExpressions;

namespace Octans.Benchmarks.Chaos;

/// <summary>What a browser does on Octans' pages: reads a form's anti-forgery token and posts the form with it.</summary>
public static partial class PageVisits
{
    /// <summary>Posts the form of the page at <paramref name="page"/> with these fields; returns the answer, unread.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient browser, string page, IReadOnlyDictionary<string, string> fields,
        CancellationToken cancellation, Action<HttpRequestMessage>? alter = null)
    {
        var html = await browser.GetStringAsync(page, cancellation);
        var token = Token().Match(html) is { Success: true } found ? WebUtility.HtmlDecode(found.Groups[1].Value)
            : throw new InvalidOperationException($"{page} has no form with an anti-forgery token.");
        using var request = new HttpRequestMessage(HttpMethod.Post, page)
        {
            Content = new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token))),
        };
        alter?.Invoke(request);
        return await browser.SendAsync(request, cancellation);
    }

    /// <summary>Signs in on /sign-in; true when Octans sent the browser on (a redirect), false when it showed the page again.</summary>
    public static async Task<(bool SignedIn, string Page, IReadOnlyList<string> Cookies)> SignInAsync(HttpClient browser, string email, string password,
        CancellationToken cancellation, Action<HttpRequestMessage>? alter = null)
    {
        using var answer = await PostFormAsync(browser, "/sign-in", new Dictionary<string, string> { ["email"] = email, ["password"] = password, ["returnUrl"] = "/" },
            cancellation, alter);
        var cookies = answer.Headers.TryGetValues("Set-Cookie", out var set) ? set.ToList() : [];
        return (answer.StatusCode == HttpStatusCode.Redirect, await answer.Content.ReadAsStringAsync(cancellation), cookies);
    }

    [GeneratedRegex(@"name=""__RequestVerificationToken""[^>]*?value=""([^""]+)""")]
    private static partial Regex Token();
}
