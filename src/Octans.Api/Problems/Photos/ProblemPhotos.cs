using System.Globalization;
using System.Security.Claims;
using Marten;
using Octans.Api.Photos;
using Octans.Domain;

namespace Octans.Api.Problems.Photos;

/// <summary>
/// Adds a photo form's photo to a problem, for the API and the pages alike: the command goes the one way every change
/// goes (<see cref="ProblemChanges"/>), and the photo's copies are kept with its event or not at all.
/// </summary>
public static class ProblemPhotos
{
    public const string WhenField = "when";

    public static async Task<(ChangeOutcome Outcome, Guid PhotoId)> AddAsync<TCommand>(IDocumentStore store, ClaimsPrincipal user, TimeProvider clock,
        Guid id, PhotoForm form, Func<Guid, BeforeOrAfter?, TCommand> build, CancellationToken cancellation) where TCommand : IProblemCommand
    {
        var prepared = form.Photo?.Photo;
        var photoId = prepared is null ? Guid.Empty : Guid.CreateVersion7();
        var command = build(photoId, Choice.Of<BeforeOrAfter>(form.Field(WhenField)));
        var version = int.TryParse(form.Field("version"), NumberStyles.None, CultureInfo.InvariantCulture, out var seen) ? seen : (int?)null;
        var mistake = form.Photo is { Refusal: { } refusal } ? new FieldError(PhotoUploads.FileField, refusal) : null;

        var outcome = await ProblemChanges.ApplyAsync(store, user, clock, id, version, command, (session, decision) =>
        {
            var added = (PhotoAdded)decision.Events[0];
            PhotoStorage.Keep(session, added.PhotoId, prepared!, new PhotoOf(added.ProblemId, added.ActionId, added.CriterionId, null, added.When), added.AddedAt);
        }, cancellation, mistake);
        return (outcome, photoId);
    }
}
