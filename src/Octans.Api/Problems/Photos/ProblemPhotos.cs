using System.Globalization;
using System.Security.Claims;
using Marten;
using Octans.Api.Photos;
using Octans.Domain;
using ProblemDetails = Microsoft.AspNetCore.Mvc.ProblemDetails;

namespace Octans.Api.Problems.Photos;

/// <summary>
/// Adds a photo form's photo to a problem, for the API and the pages alike: the command goes the one way every change
/// goes (<see cref="ProblemChanges"/>), and the photo's copies are kept with its event or not at all.
/// </summary>
public static class ProblemPhotos
{
    public const string WhenField = "when";

    /// <summary>
    /// Adds the photo, prepared or refused, with the command <paramref name="build"/> makes from its new id (the empty id
    /// when there is no photo to keep, which the decision refuses): the photo's refusal is the answer for its field.
    /// From the pages (<paramref name="fromPage"/>), a stale version is decided again as <see cref="ProblemChanges.ApplyFromPageAsync"/> says.
    /// </summary>
    public static async Task<(ChangeOutcome Outcome, Guid PhotoId)> AddAsync(IDocumentStore store, ClaimsPrincipal user, TimeProvider clock,
        Guid id, int? version, PhotoPreparation? photo, Func<Guid, IProblemCommand> build, CancellationToken cancellation, bool fromPage = false)
    {
        var prepared = photo?.Photo;
        var photoId = prepared is null ? Guid.Empty : Guid.CreateVersion7();
        var mistake = photo is { Refusal: { } refusal } ? new FieldError(PhotoUploads.FileField, refusal) : null;

        var command = build(photoId);
        var of = command switch
        {
            AddActionPhoto a => new PhotoOf(id, a.ActionId, null, null, a.When),
            AddExitCriterionPhoto c => new PhotoOf(id, null, c.CriterionId, null, c.When),
            _ => throw new ArgumentException($"{command.GetType().Name} adds no photo.", nameof(build)),
        };
        Alongside keep = (session, _) =>
        {
            PhotoStorage.Keep(session, photoId, prepared!, of, clock.GetUtcNow());
            return Task.FromResult<ProblemDetails?>(null);
        };
        var outcome = fromPage
            ? await ProblemChanges.ApplyFromPageAsync(store, user, clock, id, version, command, keep, cancellation, mistake)
            : await ProblemChanges.ApplyAsync(store, user, clock, id, version, command, keep, cancellation, mistake);
        return (outcome, photoId);
    }

    /// <summary>The version a form sent, or null when it sent none or not a number.</summary>
    public static int? Version(string? sent) =>
        int.TryParse(sent, NumberStyles.None, CultureInfo.InvariantCulture, out var version) ? version : null;
}
