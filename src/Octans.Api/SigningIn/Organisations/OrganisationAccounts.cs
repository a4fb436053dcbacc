using Marten;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Octans.Api.SigningIn.TwoStep;

namespace Octans.Api.SigningIn.Organisations;

/// <summary>
/// Who an organisation's provider signed in, as an Octans user: the enabled user whose email address its id token gives.
/// Nobody else gets in, and no account is ever made here: an administrator adds people and gives them a role and team.
/// The organisation's provider does its own second step, so Octans asks for no code of its own.
/// </summary>
public sealed class OrganisationAccounts(IDocumentStore store, TimeProvider clock, ILogger<OrganisationAccounts> logger)
{
    private const string EmailClaim = "email", EmailVerifiedClaim = "email_verified";

    /// <summary>The enabled user with the email address, counted as a sign-in for the day; otherwise null, counted as refused.</summary>
    public async Task<User?> MatchAsync(string? email, CancellationToken cancellation)
    {
        await using var session = store.LightweightSession();
        var user = string.IsNullOrWhiteSpace(email)
            ? null
            : await session.Query<User>().FirstOrDefaultAsync(u => u.Email == User.Normalise(email), cancellation);
        var allowed = user is { Disabled: false };
        SignInCounts.Count(session, clock.GetUtcNow(), signedIn: allowed);
        await session.SaveChangesAsync(cancellation);
        return allowed ? user : null;
    }

    /// <summary>Once the provider's id token is valid: signs its user in, or sends them to the page that says whom to ask.</summary>
    public async Task SignInAsync(TokenValidatedContext context, SignInProvider provider)
    {
        var email = context.Principal?.FindFirst(EmailClaim)?.Value;
        if (string.IsNullOrWhiteSpace(email)) logger.LogWarning("Provider {Provider} gave an id token without an email claim", provider.Name);
        // An address the provider says it has not verified proves nothing about who signed in.
        var unverified = string.Equals(context.Principal?.FindFirst(EmailVerifiedClaim)?.Value, "false", StringComparison.OrdinalIgnoreCase);
        if (unverified) logger.LogWarning("Provider {Provider} gave an email address it has not verified", provider.Name);
        var user = await MatchAsync(unverified ? null : email, context.HttpContext.RequestAborted);
        context.HandleResponse();
        if (user is null)
        {
            context.Response.Redirect(unverified ? OrganisationSignIn.FailedPath(provider) : OrganisationSignIn.RefusedPath(provider));
            return;
        }

        var properties = new AuthenticationProperties();
        properties.Items[OrganisationSignIn.ProviderItem] = provider.Name;
        if ((context.TokenEndpointResponse?.IdToken ?? context.ProtocolMessage.IdToken) is { Length: > 0 } idToken)
            properties.StoreTokens([new AuthenticationToken { Name = OpenIdConnectParameterNames.IdToken, Value = idToken }]);
        await BetweenSteps.SignInAsync(context.HttpContext, user, properties);
        var returnUrl = context.Properties?.RedirectUri;
        context.Response.Redirect(returnUrl is ['/', not '/' and not '\\', ..] or "/" ? returnUrl : "/");
    }
}
