using System.Net;
using Alba;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Octans.Api.Setup;
using Octans.Api.SigningIn;
using Octans.Api.SigningIn.TwoStep;
using OtpNet;

namespace Octans.Api.Tests.SigningIn;

/// <summary>Sign-in as a client at a given network address sees it.</summary>
public static class SignInApi
{
    /// <summary>A private address of its own for each caller, so tests never share a limit or a lock.</summary>
    public static IPAddress NewAddress() =>
        new([10, (byte)Random.Shared.Next(256), (byte)Random.Shared.Next(256), (byte)Random.Shared.Next(1, 255)]);

    public static Task<IScenarioResult> TrySignIn(this IAlbaHost host, string email, string password, IPAddress? from = null, string? code = null) =>
        host.Scenario(s =>
        {
            if (code is null) s.Post.Json(new { email, password }).ToUrl("/api/auth/token");
            else s.Post.Json(new { email, password, code }).ToUrl("/api/auth/token");
            if (from is not null) s.ConfigureHttpContext(context => context.Connection.RemoteIpAddress = from);
            s.IgnoreStatusCode();
        });

    public static async Task<string> SignIn(this IAlbaHost host, string email, string password, IPAddress? from = null, string? code = null)
    {
        var result = await host.TrySignIn(email, password, from, code);
        result.Context.Response.StatusCode.ShouldBe(200, await result.ReadAsTextAsync());
        return (await result.ReadAsJsonAsync<IssuedToken>())!.Token;
    }

    public static async Task<ProblemDetails> RefusedSignIn(this IAlbaHost host, string email, string password, IPAddress? from = null,
        string? code = null)
    {
        var result = await host.TrySignIn(email, password, from, code);
        result.Context.Response.StatusCode.ShouldBe(401, await result.ReadAsTextAsync());
        result.Context.Response.ContentType.ShouldBe("application/problem+json");
        return (await result.ReadAsJsonAsync<ProblemDetails>())!;
    }

    /// <summary>
    /// Sets two-step sign-in up for the user as the page does, with the code of <paramref name="now"/>, and gives the secret
    /// their authenticator app would hold and the recovery codes. That code is then used: the next to sign in with is <see cref="NextCode"/>.
    /// </summary>
    public static async Task<(byte[] Secret, IReadOnlyList<string> RecoveryCodes)> SetUpTwoStep(this IAlbaHost host, User user, DateTimeOffset now)
    {
        var secret = AuthenticatorCodes.NewSecret();
        var (changed, codes) = await host.Services.GetRequiredService<TwoStepSignIn>().SetUpAsync(user.Id, secret, CodeAt(secret, now), CancellationToken.None);
        changed.ShouldNotBeNull();
        codes.Count.ShouldBe(RecoveryCodes.Count);
        return (secret, codes);
    }

    /// <summary>The code an authenticator app shows at the moment.</summary>
    public static string CodeAt(byte[] secret, DateTimeOffset moment) => new Totp(secret).ComputeTotp(moment.UtcDateTime);

    /// <summary>The app's code for the step after <paramref name="now"/>, which sign-in still takes.</summary>
    public static string NextCode(byte[] secret, DateTimeOffset now) => CodeAt(secret, now.AddSeconds(30));

    /// <summary>The failed sign-ins in a row counted for the email, by address (and <see cref="SignInFailures.Anywhere"/>).</summary>
    public static async Task<Dictionary<string, int>> FailuresOf(this AppFixture app, string email)
    {
        await using var session = app.Store.QuerySession();
        return (await session.ReadAsync($"select address, failures from {SignInFailures.Table} where email = ?",
            row => (Address: row.GetString(0), Failures: row.GetInt32(1)), CancellationToken.None, email)).ToDictionary(r => r.Address, r => r.Failures);
    }

    public static async Task<int> StatusOf(this IAlbaHost host, string token, string url = "/api/teams") =>
        (await host.Scenario(s => { s.Get.Url(url); s.WithBearerToken(token); s.IgnoreStatusCode(); })).Context.Response.StatusCode;
}
