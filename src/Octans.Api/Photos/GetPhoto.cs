using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Octans.Api.Problems;
using Octans.Api.Problems.Listing;
using Octans.Api.Setup;
using Octans.Api.SigningIn;
using Wolverine.Http;

namespace Octans.Api.Photos;

public static class GetPhotoEndpoint
{
    /// <summary>
    /// A kept photo as JPEG: <c>size=thumb</c> (at most 320 pixels on its longer side), <c>page</c> (1,200, the default)
    /// or <c>full</c> (2,400). Anyone signed in who may see the problem may see its photos; a report's, only coordinators, like the inbox.
    /// </summary>
    [WolverineGet("/api/photos/{id}", Name = "GetPhoto")]
    [Tags("Problems")]
    [Produces("image/jpeg")]
    [ProducesResponseType<ProblemDetails>(404, "application/problem+json")]
    public static async Task<IResult> Get(Guid id, string? size, ClaimsPrincipal user, IQuerySession session, CancellationToken cancellation) =>
        await PhotoCopies.ReadAsync(session, user, id, size, cancellation) switch
        {
            ({ } jpeg, _) => Results.Bytes(jpeg, "image/jpeg"),
            (_, var problem) => problem!.Result(),
        };
}

/// <summary>Reading a copy of a photo, for the API's route and the pages' alike.</summary>
public static class PhotoCopies
{
    public static async Task<(byte[]? Jpeg, ProblemDetails? Problem)> ReadAsync(IQuerySession session, ClaimsPrincipal user, Guid id, string? size,
        CancellationToken cancellation)
    {
        if (size is not null && Choice.Of<PhotoSize>(size) is null)
            return (null, Answers.Invalid("size", "The size must be thumb, page or full."));
        var copy = await PhotoStorage.CopyAsync(session, id, Choice.Of<PhotoSize>(size) ?? PhotoSize.Page, cancellation);
        if (copy is null || (copy.ProblemId is null && !user.Is(Role.Coordinator))
            || (copy.ProblemId is { } problem && !await ProblemRows.SeenAsync(session, problem, WhoMay.ReaderOf(user), cancellation)))
            return (null, Answers.NotFound("There is no photo with that id."));
        return (copy.Jpeg, null);
    }
}
