using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Octans.Api.SigningIn;

public sealed record TokenRequest(string? Email, string? Password);

public static class IssueTokenEndpoint
{
    public const string Refusal =
        "The email or password is not right. After five failed attempts in a row an account is locked for 15 minutes.";

    public static ProblemDetails Validate(TokenRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Email)) errors["email"] = ["Enter your email address."];
        if (string.IsNullOrEmpty(request.Password)) errors["password"] = ["Enter your password."];
        return errors.Count == 0
            ? WolverineContinue.NoProblems
            : new HttpValidationProblemDetails(errors) { Status = 400, Title = "Sign-in needs an email and a password", Detail = "Enter both your email address and your password." };
    }

    [AllowAnonymous]
    [WolverinePost("/api/auth/token", Name = "IssueToken")]
    [ProducesResponseType<IssuedToken>(200)]
    [ProducesResponseType<ProblemDetails>(401, "application/problem+json")]
    public static async Task<IResult> Post(TokenRequest request, Passwords passwords, Tokens tokens, CancellationToken cancellation)
    {
        var user = await passwords.CheckAsync(request.Email!, request.Password!, cancellation);
        if (user is null)
            return Results.Problem(statusCode: 401, title: "Sign-in failed", detail: Refusal);
        return Results.Ok(await tokens.IssueAsync(user, cancellation));
    }
}
