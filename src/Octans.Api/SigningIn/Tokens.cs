using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Octans.Api.SigningIn;

public sealed record IssuedToken(string Token, DateTimeOffset ExpiresAt);

public sealed class Tokens(SigningKeys keys, TimeProvider clock)
{
    public const string Issuer = "octans";
    public const string Audience = "octans-api";
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(8);

    public async Task<IssuedToken> IssueAsync(User user, CancellationToken cancellation)
    {
        var key = await keys.GetAsync(cancellation);
        var now = clock.GetUtcNow();
        var expires = now.Add(Lifetime);
        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            Subject = OctansClaims.For(user, JwtBearerDefaults.AuthenticationScheme),
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
        });
        return new IssuedToken(token, expires);
    }

    public static TokenValidationParameters ValidationParameters(SigningKeys keys, TimeProvider clock) => new()
    {
        ValidIssuer = Issuer,
        ValidAudience = Audience,
        ValidateLifetime = true,
        ClockSkew = TimeSpan.FromSeconds(30),
        LifetimeValidator = (notBefore, expires, _, parameters) =>
        {
            var now = clock.GetUtcNow().UtcDateTime;
            return (notBefore is null || notBefore <= now + parameters.ClockSkew) && expires is { } e && e > now - parameters.ClockSkew;
        },
        IssuerSigningKeyResolver = (_, _, _, _) => keys.Loaded is { } key ? [key] : [],
        NameClaimType = ClaimTypes.Name,
        RoleClaimType = ClaimTypes.Role,
    };
}
