using System.Net;
using Alba;
using Microsoft.AspNetCore.Mvc;
using Octans.Api.SigningIn;

namespace Octans.Api.Tests.SigningIn;

/// <summary>Sign-in as a client at a given network address sees it.</summary>
public static class SignInApi
{
    /// <summary>A private address of its own for each caller, so tests never share a limit or a lock.</summary>
    public static IPAddress NewAddress() =>
        new([10, (byte)Random.Shared.Next(256), (byte)Random.Shared.Next(256), (byte)Random.Shared.Next(1, 255)]);

    public static Task<IScenarioResult> TrySignIn(this IAlbaHost host, string email, string password, IPAddress? from = null) =>
        host.Scenario(s =>
        {
            s.Post.Json(new { email, password }).ToUrl("/api/auth/token");
            if (from is not null) s.ConfigureHttpContext(context => context.Connection.RemoteIpAddress = from);
            s.IgnoreStatusCode();
        });

    public static async Task<string> SignIn(this IAlbaHost host, string email, string password, IPAddress? from = null)
    {
        var result = await host.TrySignIn(email, password, from);
        result.Context.Response.StatusCode.ShouldBe(200, await result.ReadAsTextAsync());
        return (await result.ReadAsJsonAsync<IssuedToken>())!.Token;
    }

    public static async Task<ProblemDetails> RefusedSignIn(this IAlbaHost host, string email, string password, IPAddress? from = null)
    {
        var result = await host.TrySignIn(email, password, from);
        result.Context.Response.StatusCode.ShouldBe(401, await result.ReadAsTextAsync());
        result.Context.Response.ContentType.ShouldBe("application/problem+json");
        return (await result.ReadAsJsonAsync<ProblemDetails>())!;
    }

    public static async Task<int> StatusOf(this IAlbaHost host, string token, string url = "/api/teams") =>
        (await host.Scenario(s => { s.Get.Url(url); s.WithBearerToken(token); s.IgnoreStatusCode(); })).Context.Response.StatusCode;
}
