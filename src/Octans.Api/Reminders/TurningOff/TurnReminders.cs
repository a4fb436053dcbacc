using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Octans.Api.Setup;
using Octans.Api.SigningIn;
using Wolverine.Http;

namespace Octans.Api.Reminders.TurningOff;

public sealed record RemindersChoice(bool? On);

/// <summary>Whether the signed-in user gets reminder emails.</summary>
public sealed record RemindersSetting(bool On);

/// <summary>A signed-in user turns their own reminder emails on or off; the account page does the same.</summary>
public static class TurnRemindersEndpoint
{
    public const string SayOnOrOff = "Say whether you want reminder emails: true for on, false for off.";

    public static ProblemDetails Validate(RemindersChoice request) =>
        request.On is null ? Answers.Invalid("on", SayOnOrOff) : WolverineContinue.NoProblems;

    [WolverinePost("/api/account/reminders", Name = "TurnReminders")]
    [ProducesResponseType<RemindersSetting>(200)]
    [ProducesResponseType<HttpValidationProblemDetails>(400, "application/problem+json")]
    public static async Task<IResult> Post(RemindersChoice request, ClaimsPrincipal principal, UserWrites writes, CancellationToken cancellation) =>
        await ReminderChoices.TurnAsync(writes, principal.UserId(), request.On!.Value, cancellation) is { } refusal
            ? refusal.Result()
            : Results.Ok(new RemindersSetting(request.On.Value));
}

public static class GetRemindersEndpoint
{
    [WolverineGet("/api/account/reminders", Name = "GetReminders")]
    [ProducesResponseType<RemindersSetting>(200)]
    public static async Task<IResult> Get(ClaimsPrincipal principal, IQuerySession session, CancellationToken cancellation) =>
        await ReminderChoices.IsOnAsync(session, principal.UserId(), cancellation) is { } on
            ? Results.Ok(new RemindersSetting(on))
            : Answers.NotFound("There is no such user.").Result();
}

public static class ReminderChoices
{
    /// <summary>Turns the user's reminders on or off; the refusal when there is no such user.</summary>
    public static async Task<ProblemDetails?> TurnAsync(UserWrites writes, Guid userId, bool on, CancellationToken cancellation) =>
        (await writes.ChangeAsync(userId, (user, _) =>
        {
            user.RemindersOff = !on;
            return Task.FromResult<ProblemDetails?>(null);
        }, renewStamp: false, cancellation)).Refusal;

    public static async Task<bool?> IsOnAsync(IQuerySession session, Guid userId, CancellationToken cancellation) =>
        await session.LoadAsync<User>(userId, cancellation) is { } user ? !user.RemindersOff : null;
}
