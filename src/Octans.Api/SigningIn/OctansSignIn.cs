using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Mvc;
using Octans.Api.Setup;
using Octans.Api.SigningIn.TwoStep;

namespace Octans.Api.SigningIn;

public static class OctansSignIn
{
    private const string Scheme = "octans";
    private const string SignedInAt = "octans.signed-in-at";

    /// <summary>How long a page session lasts after signing in, however busy; API tokens last <see cref="Tokens.Lifetime"/>.</summary>
    public static readonly TimeSpan SessionLimit = TimeSpan.FromHours(12);

    public static IServiceCollection AddOctansSignIn(this IServiceCollection services)
    {
        services.AddMemoryCache();
        services.AddSingleton<SigningKeys>();
        services.AddSingleton<Tokens>();
        services.AddSingleton<Passwords>();
        services.AddSingleton<TwoStepSignIn>();
        services.AddSingleton<SignInLimits>();
        services.AddSingleton<UserWrites>();
        services.AddSingleton<PasswordChanges>();
        services.AddSingleton<UserAccess>();
        services.AddHostedService(provider => provider.GetRequiredService<UserAccess>());

        services.AddAuthentication(Scheme)
            .AddPolicyScheme(Scheme, "Octans", options => options.ForwardDefaultSelector = context =>
                context.Request.Path.StartsWithSegments("/api")
                    ? JwtBearerDefaults.AuthenticationScheme
                    : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddJwtBearer()
            .AddBetweenSteps()
            .AddCookie(options =>
            {
                options.Cookie.Name = "octans";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.ExpireTimeSpan = Tokens.Lifetime;
                options.SlidingExpiration = true;
                options.LoginPath = "/sign-in";
                options.LogoutPath = "/sign-out";
                options.AccessDeniedPath = "/forbidden";
                // Sliding renewal keeps a busy session going, but never past SessionLimit after the password was given.
                options.Events.OnSigningIn = context =>
                {
                    var now = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
                    context.Properties.SetString(SignedInAt, now.ToString("O", CultureInfo.InvariantCulture));
                    return Task.CompletedTask;
                };
                options.Events.OnValidatePrincipal = async context =>
                {
                    var now = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
                    if (!DateTimeOffset.TryParse(context.Properties.GetString(SignedInAt), CultureInfo.InvariantCulture, DateTimeStyles.None, out var signedInAt)
                        || now - signedInAt > SessionLimit)
                    {
                        context.RejectPrincipal();
                        return;
                    }
                    var access = context.HttpContext.RequestServices.GetRequiredService<UserAccess>();
                    if (!await access.StillAllowedAsync(context.Principal!, context.HttpContext.RequestAborted))
                        context.RejectPrincipal();
                };
            });

        foreach (var cookie in new[] { CookieAuthenticationDefaults.AuthenticationScheme, BetweenSteps.Scheme })
            services.AddOptions<CookieAuthenticationOptions>(cookie)
                .Configure<IHostEnvironment>((options, environment) => options.Cookie.SecurePolicy = OctansTransport.CookieSecurity(environment));

        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<SigningKeys, TimeProvider>((options, keys, clock) =>
            {
                options.MapInboundClaims = false;
                options.TokenValidationParameters = Tokens.ValidationParameters(keys, clock);
                options.Events = new JwtBearerEvents
                {
                    OnMessageReceived = async context =>
                    {
                        if (context.Request.Headers.Authorization.Count > 0) await keys.GetAsync(context.HttpContext.RequestAborted);
                    },
                    OnTokenValidated = async context =>
                    {
                        var access = context.HttpContext.RequestServices.GetRequiredService<UserAccess>();
                        if (!await access.StillAllowedAsync(context.Principal!, context.HttpContext.RequestAborted))
                            context.Fail("The account is disabled, its access has changed, or this token was signed out.");
                    },
                    OnChallenge = async context =>
                    {
                        context.HandleResponse();
                        await WriteProblem(context.HttpContext, 401, "Sign-in needed",
                            "Sign in first: send 'Authorization: Bearer <token>' with a token from POST /api/auth/token. Tokens expire after 8 hours.");
                    },
                    OnForbidden = context => WriteProblem(context.HttpContext, 403, "Not allowed",
                        "Your role does not allow this. Ask a coordinator or an administrator if you need it."),
                };
            });

        services.AddAuthorization(options => options.AddOctansPolicies());
        return services;
    }

    private static Task WriteProblem(HttpContext context, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        if (status == 401) context.Response.Headers.WWWAuthenticate = "Bearer";
        return new ProblemDetails { Status = status, Title = title, Detail = detail }.WriteAsync(context);
    }
}
