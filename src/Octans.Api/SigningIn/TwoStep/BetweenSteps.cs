using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Octans.Api.SigningIn.TwoStep;

/// <summary>Who gave a right password and what they must do next, held in a short-lived cookie of its own.</summary>
public sealed record PasswordGiven(Guid UserId, string Email, string Stamp, SecondStep Next);

/// <summary>
/// The pages' sign-in between the password and the code (or setting two-step sign-in up). It is a cookie scheme of its own,
/// which no page's authorisation accepts, so until the second step is done the user can do nothing else.
/// </summary>
public static class BetweenSteps
{
    public const string Scheme = "octans.between-steps";
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(20);
    private const string Next = "octans:next";
    private const string CookieName = "octans.step";

    public static AuthenticationBuilder AddBetweenSteps(this AuthenticationBuilder authentication) =>
        authentication.AddCookie(Scheme, options =>
        {
            options.Cookie.Name = CookieName;
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.ExpireTimeSpan = Lifetime;
            options.SlidingExpiration = false;
            options.LoginPath = "/sign-in";
        });

    public static Task BeginAsync(HttpContext context, User user, SecondStep next) =>
        context.SignInAsync(Scheme, new ClaimsPrincipal(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, user.Id.ToString()),
            new Claim(ClaimTypes.Email, user.Email),
            new Claim(OctansClaims.SecurityStamp, user.SecurityStamp),
            new Claim(Next, next.ToString()),
        ], Scheme)));

    public static async Task<PasswordGiven?> ReadAsync(HttpContext context)
    {
        var result = await context.AuthenticateAsync(Scheme);
        if (!result.Succeeded || result.Principal is not { } principal) return null;
        return principal.UserId() is var id && id != Guid.Empty
               && principal.FindFirstValue(ClaimTypes.Email) is { } email
               && principal.FindFirstValue(OctansClaims.SecurityStamp) is { } stamp
               && Enum.TryParse<SecondStep>(principal.FindFirstValue(Next), out var next)
            ? new PasswordGiven(id, email, stamp, next)
            : null;
    }

    public static Task EndAsync(HttpContext context) => context.SignOutAsync(Scheme);

    /// <summary>
    /// Signs the browser in for good, as the first step does for an account without two-step sign-in, and as an
    /// organisation's provider does (whose name and id token ride in <paramref name="properties"/>).
    /// </summary>
    public static async Task SignInAsync(HttpContext context, User user, AuthenticationProperties? properties = null)
    {
        if (context.Request.Cookies.ContainsKey(CookieName)) await EndAsync(context);
        await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme,
            new ClaimsPrincipal(OctansClaims.For(user, CookieAuthenticationDefaults.AuthenticationScheme)), properties);
    }
}
