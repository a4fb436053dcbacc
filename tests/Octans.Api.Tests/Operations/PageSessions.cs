using System.Text.RegularExpressions;
using Alba;
using Microsoft.Net.Http.Headers;

namespace Octans.Api.Tests.Operations;

/// <summary>Signing in to the pages the way a browser does: the form's antiforgery token, then the sign-in cookie.</summary>
public static partial class PageSessions
{
    /// <summary>The <c>Set-Cookie</c> header of a successful sign-in; <see cref="Cookie"/> turns it into a request header.</summary>
    public static async Task<string> SignInAsync(IAlbaHost host, string email, string password, Action<Scenario>? via = null)
    {
        var form = await host.Scenario(s => { s.Get.Url("/sign-in"); via?.Invoke(s); });
        var token = FormToken().Match(form.ReadAsText()).Groups[1].Value;
        var antiforgery = form.Context.Response.Headers.SetCookie.ToString().Split(';')[0];
        var signedIn = await host.Scenario(s =>
        {
            s.Post.FormData(new Dictionary<string, string>
            {
                ["Email"] = email, ["Password"] = password, ["__RequestVerificationToken"] = token,
            }).ToUrl("/sign-in");
            s.WithRequestHeader(HeaderNames.Cookie, antiforgery);
            via?.Invoke(s);
            s.StatusCodeShouldBe(302);
        });
        return signedIn.Context.Response.Headers.SetCookie.Single(c => c!.StartsWith("octans=", StringComparison.Ordinal))!;
    }

    public static string Cookie(string setCookie) => setCookie.Split(';')[0];

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex FormToken();
}
