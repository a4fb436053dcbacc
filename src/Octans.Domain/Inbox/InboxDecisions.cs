namespace Octans.Domain;

/// <summary>
/// A report to put in the inbox. <paramref name="ReceivedAt"/> is when it was made, if known (otherwise when taken).
/// </summary>
public sealed record TakeReport(
    Guid ReportId, string? Area, string Source, string? SourceReference, string? Category, string? Description, Location? Location,
    DateTimeOffset? ReceivedAt = null, string? MediaUrl = null);

public sealed record AttachReport(Guid ProblemId);

public sealed record PromoteReport(Guid ProblemId);

public sealed record DismissReport(string? Reason);

/// <summary>The answer to a decision about a report: the events to append, or a refusal like <see cref="Decision"/>'s.</summary>
public sealed record InboxDecision(IReadOnlyList<IInboxEvent> Events, string? Detail, IReadOnlyDictionary<string, string[]> Errors)
{
    public bool IsRefused => Detail is not null;

    public static InboxDecision Accept(IInboxEvent e) => new([e], null, new Dictionary<string, string[]>());

    public static InboxDecision Refuse(Decision refusal) => new([], refusal.Detail, refusal.Errors);

    public static InboxDecision Refuse(string detail) => new([], detail, new Dictionary<string, string[]>());
}

public static class InboxDecisions
{
    public const int MaxMediaUrl = 2_000;

    /// <summary>
    /// A report from outside the partnership (Open311, an uploaded export): personal data in its text is taken out rather
    /// than refused, and a description too long for Octans is cut, so a resident's report is never lost for what they typed.
    /// </summary>
    public static InboxDecision Receive(TakeReport command, Actor? by, DateTimeOffset now)
    {
        var outside = command with
        {
            Description = Cut(PersonalData.Redact(command.Description), TextLimits.LongText),
            Location = command.Location is { } l
                ? l with { Description = Cut(PersonalData.Redact(l.Description), TextLimits.LocationDescription) ?? "" }
                : null,
        };
        return Decide(outside, by, now);
    }

    /// <summary>A report taken by a member of staff, by phone or on patrol: like their notes, it may not carry personal data.</summary>
    public static InboxDecision Take(TakeReport command, Actor by, DateTimeOffset now) => Decide(command, by, now);

    public static InboxDecision Decide(InboxReport state, AttachReport command, Actor by, DateTimeOffset now) =>
        RefuseIfDecided(state) ?? InboxDecision.Accept(new ReportAttached(state.Id, command.ProblemId, by, now));

    public static InboxDecision Decide(InboxReport state, PromoteReport command, Actor by, DateTimeOffset now) =>
        RefuseIfDecided(state) ?? InboxDecision.Accept(new ReportPromoted(state.Id, command.ProblemId, by, now));

    public static InboxDecision Decide(InboxReport state, DismissReport command, Actor by, DateTimeOffset now)
    {
        if (RefuseIfDecided(state) is { } decided) return decided;
        var input = new Input().Required("reason", command.Reason, "reason", TextLimits.Description);
        return input.IsValid
            ? InboxDecision.Accept(new ReportDismissed(state.Id, command.Reason!.Trim(), by, now))
            : InboxDecision.Refuse(input.Refusal());
    }

    private static InboxDecision Decide(TakeReport command, Actor? by, DateTimeOffset now)
    {
        var input = new Input()
            .Name("area", command.Area, "area", TextLimits.Name)
            .Name("source", command.Source, "source", TextLimits.Source)
            .Name("sourceReference", command.SourceReference, "reference", TextLimits.Name, optional: true)
            .Name("category", command.Category, "category", TextLimits.Name)
            .Required("description", command.Description, "description", TextLimits.LongText)
            .Location("location", command.Location)
            .Check(command.ReceivedAt is not { } made || made <= now.AddMinutes(5), "receivedAt", "The date it was received cannot be in the future.")
            .Day("receivedAt", command.ReceivedAt is { } at ? London.Today(at) : null, "date it was received", now)
            .Check(command.MediaUrl.Tidy() is not { } url || IsWebAddress(url), "mediaUrl",
                $"The photo's address must be an http or https address of {MaxMediaUrl:N0} characters or fewer.");
        if (!input.IsValid) return InboxDecision.Refuse(input.Refusal());

        return InboxDecision.Accept(new ReportReceived(
            command.ReportId, command.Area!.Trim(), command.Source.Trim(), command.SourceReference.Tidy(), command.Category!.Trim(),
            command.Description!.Trim(), command.Location!.Tidy(), command.ReceivedAt ?? now, command.MediaUrl.Tidy(), by, now));
    }

    private static InboxDecision? RefuseIfDecided(InboxReport state) => state.State switch
    {
        InboxState.New => null,
        InboxState.Attached => InboxDecision.Refuse("This report has been attached to a problem already; it cannot be decided again."),
        InboxState.Promoted => InboxDecision.Refuse("This report has been made a problem already; it cannot be decided again."),
        _ => InboxDecision.Refuse("This report has been dismissed already; it cannot be decided again."),
    };

    private static bool IsWebAddress(string url) =>
        url.Length <= MaxMediaUrl && PlainText.Unstorable(url) is null && Uri.TryCreate(url, UriKind.Absolute, out var address)
        && address.Scheme is "http" or "https";

    private static string? Cut(string? text, int max)
    {
        var trimmed = text?.Trim();
        return trimmed is null || trimmed.Length <= max ? trimmed : string.Concat(trimmed.AsSpan(0, max - 1).TrimEnd(), "…");
    }
}
