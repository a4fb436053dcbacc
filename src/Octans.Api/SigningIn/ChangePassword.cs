using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Octans.Api.Setup;
using Wolverine.Http;

namespace Octans.Api.SigningIn;

public sealed record PasswordChange(string? CurrentPassword, string? NewPassword);

/// <summary>A signed-in user changes their own password. Every other sign-in of theirs ends; the answer carries a new token.</summary>
public static class ChangePasswordEndpoint
{
    public const string WrongCurrent = "Your current password is not right.";

    public static ProblemDetails Validate(PasswordChange request)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrEmpty(request.CurrentPassword)) errors["currentPassword"] = ["Enter your current password."];
        if (Passwords.Check(request.NewPassword) is { } weak) errors["newPassword"] = [weak];
        return errors.Count == 0 ? WolverineContinue.NoProblems : Answers.Invalid(errors);
    }

    [WolverinePost("/api/auth/password", Name = "ChangePassword")]
    [ProducesResponseType<IssuedToken>(200)]
    [ProducesResponseType<HttpValidationProblemDetails>(400, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(401, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(429, "application/problem+json")]
    public static async Task<IResult> Post(PasswordChange request, ClaimsPrincipal principal, HttpContext context, PasswordChanges changes,
        Tokens tokens, CancellationToken cancellation) =>
        await changes.ChangeOwnAsync(principal, request.CurrentPassword!, request.NewPassword!, SignInLimits.AddressOf(context), cancellation) switch
        {
            { WaitBefore: { } wait } => IssueTokenEndpoint.TooManyAttempts(context, wait),
            { User: { } user } => Results.Ok(await tokens.IssueAsync(user, cancellation)),
            var refused => refused.Refusal!.Result(),
        };
}
