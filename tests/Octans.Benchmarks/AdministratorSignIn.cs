using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using OtpNet;

namespace Octans.Benchmarks;

/// <summary>
/// An administrator's token outside Development, where administrators need two-step sign-in: set up once through the
/// pages as a new administrator does (password, the key the page shows typed into an "app", its first code), then the
/// token is asked for with the app's next code. Cookies are carried by hand: they are Secure, as the server believes
/// the request came over HTTPS, and a cookie container would not send them back over the plain loopback.
/// </summary>
public static partial class AdministratorSignIn
{
    public const string Email = "admin@octans.test";

    public static async Task<string> TokenAsync(Uri address, CancellationToken cancellation)
    {
        using var http = OctansServer.BehindTheProxy(new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false })
            { BaseAddress = address });
        var cookies = new Dictionary<string, string>();
        var signIn = await SendAsync(http, HttpMethod.Get, "/sign-in", null, cookies, cancellation);
        var afterPassword = await SendAsync(http, HttpMethod.Post, "/sign-in", new()
        {
            ["email"] = Email, ["password"] = OctansServer.Password, ["returnUrl"] = "/", ["__RequestVerificationToken"] = Antiforgery(signIn),
        }, cookies, cancellation);
        if (!afterPassword.Contains("/account/two-step", StringComparison.Ordinal))
            throw new InvalidOperationException($"Signing in as {Email} did not lead to setting up two-step sign-in: {afterPassword[..Math.Min(300, afterPassword.Length)]}");

        var setUp = await SendAsync(http, HttpMethod.Get, "/account/two-step", null, cookies, cancellation);
        var secret = Base32Encoding.ToBytes(KeyShown().Match(setUp).Groups[1].Value.Replace(" ", "", StringComparison.Ordinal));
        var app = new Totp(secret);
        var turnedOn = await SendAsync(http, HttpMethod.Post, "/account/two-step", new()
        {
            ["code"] = app.ComputeTotp(DateTime.UtcNow), ["returnUrl"] = "/", ["sealedSecret"] = SealedSecret().Match(setUp).Groups[1].Value,
            ["__RequestVerificationToken"] = Antiforgery(setUp),
        }, cookies, cancellation);
        if (!turnedOn.Contains("id=\"recovery-codes\"", StringComparison.Ordinal))
            throw new InvalidOperationException("Two-step sign-in was not turned on for the administrator.");

        // The code just taken cannot be taken again; the next step's is within the window Octans accepts.
        var code = app.ComputeTotp(DateTime.UtcNow.AddSeconds(30));
        using var answer = await http.PostAsJsonAsync("/api/auth/token", new { email = Email, password = OctansServer.Password, code },
            OctansClient.Json, cancellation);
        answer.EnsureSuccessStatusCode();
        return (await answer.Content.ReadFromJsonAsync<OctansClient.TokenAnswer>(OctansClient.Json, cancellation))!.Token;
    }

    /// <summary>Sends the request with the cookies so far, keeps those set, and returns the body, or the redirect's target.</summary>
    private static async Task<string> SendAsync(HttpClient http, HttpMethod method, string url, Dictionary<string, string>? form,
        Dictionary<string, string> cookies, CancellationToken cancellation)
    {
        using var request = new HttpRequestMessage(method, url);
        if (form is not null) request.Content = new FormUrlEncodedContent(form);
        if (cookies.Count > 0) request.Headers.Add("Cookie", string.Join("; ", cookies.Select(c => $"{c.Key}={c.Value}")));
        using var answer = await http.SendAsync(request, cancellation);
        foreach (var set in answer.Headers.TryGetValues("Set-Cookie", out var values) ? values : [])
        {
            var pair = set.Split(';', 2)[0].Split('=', 2);
            cookies[pair[0]] = pair[1];
        }
        if (answer.StatusCode is HttpStatusCode.Found or HttpStatusCode.Redirect or HttpStatusCode.SeeOther)
            return answer.Headers.Location?.ToString() ?? "";
        var body = await answer.Content.ReadAsStringAsync(cancellation);
        if (!answer.IsSuccessStatusCode) throw new InvalidOperationException($"{method} {url} answered {(int)answer.StatusCode}: {body[..Math.Min(300, body.Length)]}");
        return body;
    }

    private static string Antiforgery(string page) => AntiforgeryField().Match(page) is { Success: true } found
        ? found.Groups[1].Value
        : throw new InvalidOperationException("The page has no antiforgery field.");

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    [GeneratedRegex("<code id=\"authenticator-key\">([A-Z2-7 ]+)</code>")]
    private static partial Regex KeyShown();

    [GeneratedRegex("name=\"sealedSecret\" value=\"([^\"]+)\"")]
    private static partial Regex SealedSecret();
}
