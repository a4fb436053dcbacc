using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Octans.Api.Setup;
using Wolverine.Http;

namespace Octans.Api.SigningIn;

public sealed record PasswordResetRequest(string? Token, string? NewPassword);

/// <summary>Sets a new password with the token of a reset link from an administrator. The link works once.</summary>
public static class ResetPasswordEndpoint
{
    public static ProblemDetails Validate(PasswordResetRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Token)) errors["token"] = [PasswordChanges.UnknownLink];
        if (Passwords.Check(request.NewPassword) is { } weak) errors["newPassword"] = [weak];
        return errors.Count == 0 ? WolverineContinue.NoProblems : Answers.Invalid(errors);
    }

    [AllowAnonymous]
    [WolverinePost("/api/auth/password-reset", Name = "ResetPassword")]
    [ProducesResponseType(204)]
    [ProducesResponseType<HttpValidationProblemDetails>(400, "application/problem+json")]
    public static async Task<IResult> Post(PasswordResetRequest request, PasswordChanges changes, CancellationToken cancellation) =>
        await changes.ResetAsync(request.Token!.Trim(), request.NewPassword!, cancellation) is { } refused ? refused.Result() : Results.NoContent();
}
