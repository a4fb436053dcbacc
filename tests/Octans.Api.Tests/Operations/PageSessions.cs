using System.Text.RegularExpressions;
using Alba;
using Microsoft.Net.Http.Headers;

namespace Octans.Api.Tests.Operations;

/// <summary>Signing in to the pages the way a browser does: the form's antiforgery token, then the sign-in cookie.</summary>
public static partial class PageSessions
{
    /// <summary>The <c>Set-Cookie</c> header of a successful sign-in; <see cref="Cookie"/> turns it into a request header.</summary>
    /// <summary>Signs in through the pages and gives the session's Set-Cookie; <paramref name="code"/> answers the second step when there is one.</summary>
    public static async Task<string> SignInAsync(IAlbaHost host, string email, string password, Action<Scenario>? via = null, string? code = null)
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
        if (code is null) return signedIn.Context.Response.Headers.SetCookie.Single(c => c!.StartsWith("octans=", StringComparison.Ordinal))!;

        var between = $"{antiforgery}; {Cookie(signedIn.Context.Response.Headers.SetCookie.Single(c => c!.StartsWith("octans.step=", StringComparison.Ordinal))!)}";
        var codeForm = await host.Scenario(s => { s.Get.Url("/sign-in/code"); s.WithRequestHeader(HeaderNames.Cookie, between); via?.Invoke(s); });
        var codeToken = FormToken().Match(codeForm.ReadAsText()).Groups[1].Value;
        var second = await host.Scenario(s =>
        {
            s.Post.FormData(new Dictionary<string, string> { ["code"] = code, ["__RequestVerificationToken"] = codeToken }).ToUrl("/sign-in/code");
            s.WithRequestHeader(HeaderNames.Cookie, between);
            via?.Invoke(s);
            s.StatusCodeShouldBe(302);
        });
        return second.Context.Response.Headers.SetCookie.Single(c => c!.StartsWith("octans=", StringComparison.Ordinal))!;
    }

    public static string Cookie(string setCookie) => setCookie.Split(';')[0];

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex FormToken();
}
