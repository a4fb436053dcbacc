using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Octans.Api.Setup;
using Octans.Api.SigningIn;
using Octans.Api.SigningIn.TwoStep;
using Wolverine.Http;

namespace Octans.Api.Admin.Users;

public sealed record TwoStepRequirement(bool? Required);

/// <summary>
/// An administrator requires two-step sign-in of a user, or stops requiring it (administrators need it whatever this says).
/// Either way the user's sign-ins end, so one who now needs it sets it up at their next sign-in.
/// </summary>
public static class RequireTwoStepEndpoint
{
    public static ProblemDetails Validate(TwoStepRequirement request) =>
        request.Required is null
            ? Answers.Invalid("required", "Say whether the user needs two-step sign-in: true or false.")
            : WolverineContinue.NoProblems;

    [Authorize(Policy = Policies.Admin)]
    [WolverinePost("/api/users/{id}/two-step", Name = "RequireTwoStep")]
    [ProducesResponseType<UserView>(200)]
    [ProducesResponseType<HttpValidationProblemDetails>(400, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(404, "application/problem+json")]
    public static Task<IResult> Post(Guid id, TwoStepRequirement request, UserWrites writes, ClaimsPrincipal admin, TimeProvider clock,
        CancellationToken cancellation) =>
        UserChanges.AnswerAsync(id, writes, user => user.TwoStepRequired = request.Required!.Value, admin.Actor(), clock.GetUtcNow(), cancellation);
}

/// <summary>
/// An administrator turns a user's two-step sign-in off, for someone who lost both their phone and their recovery codes.
/// Their sign-ins end; when they need it, they set it up again at their next sign-in.
/// </summary>
public static class ResetTwoStepEndpoint
{
    [Authorize(Policy = Policies.Admin)]
    [WolverinePost("/api/users/{id}/two-step/reset", Name = "ResetTwoStep")]
    [ProducesResponseType<UserView>(200)]
    [ProducesResponseType<ProblemDetails>(404, "application/problem+json")]
    public static Task<IResult> Post(Guid id, UserWrites writes, ClaimsPrincipal admin, TimeProvider clock, CancellationToken cancellation) =>
        UserChanges.AnswerAsync(id, writes, TwoStepSignIn.TurnOff, admin.Actor(), clock.GetUtcNow(), cancellation);
}
