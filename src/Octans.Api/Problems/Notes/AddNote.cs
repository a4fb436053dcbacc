using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Octans.Api.SigningIn;
using Octans.Domain;
using Wolverine.Http;
using Wolverine.Marten;

namespace Octans.Api.Problems.Notes;

public sealed record AddNoteRequest(int? Version, string? Text) : IProblemWrite;

public static class AddNoteEndpoint
{
    public static ProblemDetails Validate(AddNoteRequest request, Problem problem) => ProblemWrites.CheckVersion(request, problem);

    [Authorize(Policy = Policies.CoordinatorOrTeamMember)]
    [WolverinePost("/api/problems/{id}/notes", Name = "AddNote")]
    [ProducesResponseType<WriteAccepted>(200)]
    public static (IResult, Events) Post(AddNoteRequest request, [WriteAggregate("id")] Problem problem, ClaimsPrincipal user, TimeProvider clock) =>
        ProblemWrites.Respond(problem, ProblemDecisions.Decide(problem, new AddNote(request.Text ?? ""), user.Actor(), clock.GetUtcNow()));
}
