using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Octans.Api.Setup;
using Octans.Api.SigningIn.TwoStep;
using Wolverine.Http;

namespace Octans.Api.SigningIn;

/// <summary>The email and password, and the code from an authenticator app (or a recovery code) when the account signs in in two steps.</summary>
public sealed record TokenRequest(string? Email, string? Password, string? Code = null);

public static class IssueTokenEndpoint
{
    public static ProblemDetails Validate(TokenRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Email)) errors["email"] = ["Enter your email address."];
        if (string.IsNullOrEmpty(request.Password)) errors["password"] = ["Enter your password."];
        if (request.Code is { Length: > 64 }) errors["code"] = ["A code is six digits, or a recovery code of ten letters and digits."];
        return errors.Count == 0
            ? WolverineContinue.NoProblems
            : Answers.Invalid(errors, "Enter both your email address and your password.");
    }

    [AllowAnonymous]
    [WolverinePost("/api/auth/token", Name = "IssueToken")]
    [ProducesResponseType<IssuedToken>(200)]
    [ProducesResponseType<ProblemDetails>(401, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(403, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(429, "application/problem+json")]
    public static async Task<IResult> Post(TokenRequest request, HttpContext context, Passwords passwords, Tokens tokens, CancellationToken cancellation)
    {
        var outcome = await passwords.CheckAsync(request.Email!, request.Password!, SignInLimits.AddressOf(context), cancellation, request.Code);
        return outcome switch
        {
            { WaitBefore: { } wait } => TooManyAttempts(context, wait),
            { User: null, WrongCode: true } => Results.Problem(statusCode: 401, title: "Sign-in failed", detail: TwoStepSignIn.WrongCode),
            { User: null } => Results.Problem(statusCode: 401, title: "Sign-in failed", detail: Passwords.Refusal),
            { Next: SecondStep.Code } => Results.Problem(statusCode: 401, title: "Code needed", detail: TwoStepSignIn.CodeNeeded),
            { Next: SecondStep.SetUp } => Results.Problem(statusCode: 403, title: "Two-step sign-in needed", detail: TwoStepSignIn.SetUpFirst),
            { Next: SecondStep.ChangePassword } => Results.Problem(statusCode: 403, title: "Password change needed", detail: PasswordChanges.ChangeFirst),
            { User: { } user } => Results.Ok(await tokens.IssueAsync(user, cancellation)),
        };
    }

    /// <summary>429 with how long to wait, in the Retry-After header and in words.</summary>
    public static IResult TooManyAttempts(HttpContext context, TimeSpan wait)
    {
        context.Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString();
        return Results.Problem(statusCode: 429, title: "Too many sign-in attempts", detail: SignInLimits.Refusal(wait));
    }
}
