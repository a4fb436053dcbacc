namespace Octans.Domain;

/// <summary>
/// Adds a photo of the place, taken before or after the work, to an action. The photo's bytes are kept beside the event
/// under <paramref name="PhotoId"/>; the event only records that it was added, by whom and when.
/// </summary>
public sealed record AddActionPhoto(Guid ActionId, Guid PhotoId, BeforeOrAfter? When) : IActionCommand;

/// <summary>Adds a photo of the place, before or after, to an exit criterion, as evidence for it.</summary>
public sealed record AddExitCriterionPhoto(Guid CriterionId, Guid PhotoId, BeforeOrAfter? When) : IProblemCommand;

public static partial class ProblemDecisions
{
    /// <summary>Enough to show the work; more would swell the problem page and the monthly pack.</summary>
    public const int MostPhotos = 12;

    public static Decision Decide(Problem state, AddActionPhoto command, Actor by, DateTimeOffset now)
    {
        if (RefuseIfClosed(state) is { } closed)
            return closed;
        if (state.FindAction(command.ActionId) is not { } action)
            return ActionNotFound(state);
        if (action.Status == ActionStatus.Cancelled)
            return Decision.Refuse($"The action {Quoted(action.Description)} is cancelled; add photos to actions that are open or done.");

        var input = Photo(command.PhotoId, command.When, action.Photos, $"the action {Quoted(action.Description)}");
        return input.IsValid
            ? Decision.Accept(new PhotoAdded(state.Id, command.PhotoId, action.Id, null, command.When!.Value, by, now))
            : input.Refusal();
    }

    public static Decision Decide(Problem state, AddExitCriterionPhoto command, Actor by, DateTimeOffset now)
    {
        if (RefuseIfClosed(state) is { } closed)
            return closed;
        if (state.FindExitCriterion(command.CriterionId) is not { } criterion)
            return Decision.NotFound($"{state.Reference} has no such exit criterion.");

        var input = Photo(command.PhotoId, command.When, criterion.Photos, $"the exit criterion {Quoted(criterion.Text)}");
        return input.IsValid
            ? Decision.Accept(new PhotoAdded(state.Id, command.PhotoId, null, criterion.Id, command.When!.Value, by, now))
            : input.Refusal();
    }

    private static Input Photo(Guid photoId, BeforeOrAfter? when, int photos, string of) => new Input()
        .Check(photoId != Guid.Empty, "photo", "Choose a photo to add.")
        .Given("when", when, "Choose whether the photo was taken before or after the work.")
        .Check(photos < MostPhotos, "photo", $"{char.ToUpperInvariant(of[0])}{of[1..]} has {MostPhotos} photos already, the most it can have.");
}
