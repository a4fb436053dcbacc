using System.Security.Claims;
using Octans.Domain;

namespace Octans.Api.SigningIn;

public static class OctansClaims
{
    public const string TeamId = "octans:team";
    public const string SecurityStamp = "octans:stamp";

    /// <summary>Each token and each cookie sign-in has an id of its own, so signing out ends just that one.</summary>
    public const string SessionId = "jti";

    public static ClaimsIdentity For(User user, string authenticationType) => new(
        [
            new Claim(ClaimTypes.NameIdentifier, user.Id.ToString()),
            new Claim(ClaimTypes.Name, user.Name),
            new Claim(ClaimTypes.Email, user.Email),
            new Claim(ClaimTypes.Role, user.Role.ToString()),
            new Claim(SecurityStamp, user.SecurityStamp),
            new Claim(SessionId, Guid.NewGuid().ToString("N")),
            .. user.TeamId is { } team ? [new Claim(TeamId, team.ToString())] : Array.Empty<Claim>()
        ],
        authenticationType, ClaimTypes.Name, ClaimTypes.Role);

    public static Guid UserId(this ClaimsPrincipal principal) =>
        Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : Guid.Empty;

    public static string? SessionOf(this ClaimsPrincipal principal) => principal.FindFirstValue(SessionId);

    public static Task<bool> StillAllowedAsync(this UserAccess access, ClaimsPrincipal principal, CancellationToken cancellation) =>
        access.StillAllowedAsync(principal.UserId(), principal.FindFirstValue(SecurityStamp), principal.SessionOf(), cancellation);

    public static Guid? TeamOf(this ClaimsPrincipal principal) =>
        Guid.TryParse(principal.FindFirstValue(TeamId), out var id) ? id : null;

    public static Actor Actor(this ClaimsPrincipal principal) =>
        new(principal.UserId(), principal.Identity?.Name ?? "unknown");

    public static bool Is(this ClaimsPrincipal principal, Role role) => principal.IsInRole(role.ToString());
}
