using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Octans.Api.Photos;
using Octans.Api.Setup;
using Octans.Domain;
using Wolverine.Http;

namespace Octans.Api.Problems.Photos;

public sealed record PhotoAddedAnswer(Guid PhotoId, int Version);

/// <summary>
/// A before or after photo of an action or an exit criterion, sent as multipart/form-data: <c>photo</c> (a JPEG or PNG of
/// up to 10 MB), <c>when</c> (Before or After) and <c>version</c>. The photo is kept in the same transaction as the
/// event that records it was added.
/// </summary>
public static class AddPhotoEndpoint
{
    [WolverinePost("/api/problems/{id}/actions/{actionId}/photos", Name = "AddActionPhoto")]
    [PhotoUpload]
    [ProducesResponseType<PhotoAddedAnswer>(201)]
    public static Task<IResult> PostForAction(Guid id, Guid actionId, HttpRequest request, IDocumentStore store, ClaimsPrincipal user,
        TimeProvider clock, CancellationToken cancellation) =>
        AddAsync(request, store, user, clock, id, (photo, when) => new AddActionPhoto(actionId, photo, when), cancellation);

    [WolverinePost("/api/problems/{id}/criteria/{criterionId}/photos", Name = "AddExitCriterionPhoto")]
    [PhotoUpload]
    [ProducesResponseType<PhotoAddedAnswer>(201)]
    public static Task<IResult> PostForCriterion(Guid id, Guid criterionId, HttpRequest request, IDocumentStore store, ClaimsPrincipal user,
        TimeProvider clock, CancellationToken cancellation) =>
        AddAsync(request, store, user, clock, id, (photo, when) => new AddExitCriterionPhoto(criterionId, photo, when), cancellation);

    private static async Task<IResult> AddAsync<TCommand>(HttpRequest request, IDocumentStore store, ClaimsPrincipal user, TimeProvider clock,
        Guid id, Func<Guid, BeforeOrAfter?, TCommand> build, CancellationToken cancellation) where TCommand : IProblemCommand
    {
        // Nobody whose role may not add photos has their file decoded.
        if (WhoMay.RefuseRole(user, typeof(TCommand)) is { } notThisRole) return notThisRole.Result();
        var (form, problem) = await PhotoUploads.ReadAsync(request, cancellation);
        if (problem is not null) return problem.Result();

        var when = Choice.Of<BeforeOrAfter>(form!.Field(ProblemPhotos.WhenField));
        var outcome = await ProblemPhotos.AddAsync(store, user, clock, id, ProblemPhotos.Version(form.Field("version")), form.Photo,
            photoId => build(photoId, when), cancellation);
        return outcome.Outcome.Accepted
            ? Results.Created($"/api/photos/{outcome.PhotoId}", new PhotoAddedAnswer(outcome.PhotoId, outcome.Outcome.Version))
            : outcome.Outcome.Refusal!.Result();
    }
}
