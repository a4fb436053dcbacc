using System.Globalization;
using System.Security.Claims;
using Octans.Api.Problems;
using Octans.Api.ReferenceData;
using Octans.Api.SigningIn;
using Octans.Domain;

namespace Octans.Api.Pages.Problems;

public enum FieldKind { Text, Textarea, Date, Select, Radios, Photo }

public enum ChangeAbout { Problem, Action, Criterion }

public sealed record FormField(string Name, string Label, FieldKind Kind, string? Hint = null)
{
    /// <summary>The GOV.UK message when the field is left empty, in the label's own words: "Enter what was done", "Select the team".</summary>
    public string? Missing { get; init; }

    /// <summary>The most characters a textarea takes, from <see cref="TextLimits"/>: it shows the GOV.UK character count.</summary>
    public int? MaxLength { get; init; }

    public Func<ChangeContext, IReadOnlyList<(string Value, string Text)>>? Options { get; init; }
    public Func<ChangeContext, string?>? Default { get; init; }
}

/// <summary>What a change form knows when it decides: the problem, the action it is about, the answers and who is asking.</summary>
public sealed class ChangeContext(Problem problem, ProblemAction? action, ExitCriterion? criterion, IReadOnlyList<Team> teams, Func<string, string?> answer, ClaimsPrincipal user, DateOnly today)
{
    public Problem Problem { get; } = problem;
    public ProblemAction? Action { get; } = action;
    public ExitCriterion? Criterion { get; } = criterion;
    public IReadOnlyList<Team> Teams { get; } = teams;

    /// <summary>The category names to choose from, for the form that changes the category; empty for the others.</summary>
    public IReadOnlyList<string> Categories { get; init; } = [];
    public ClaimsPrincipal User { get; } = user;
    public DateOnly Today { get; } = today;
    public Dictionary<string, string> Errors { get; } = [];

    public string Text(string name) => answer(name)?.Trim() ?? "";
    public string? Optional(string name) => string.IsNullOrWhiteSpace(answer(name)) ? null : answer(name)!.Trim();

    /// <summary>A GOV.UK date input's three boxes; a date that does not exist is an error on the field.</summary>
    public DateOnly? Date(string name)
    {
        var picked = DateInput.Read(answer($"{name}-day"), answer($"{name}-month"), answer($"{name}-year"), out var real);
        if (!real) Errors[name] = DateInput.NotReal;
        return picked;
    }

    /// <summary>A number such as a latitude, written with a full stop; an error on the field when it is not one.</summary>
    public double? Number(string name, string message)
    {
        if (Optional(name) is not { } text) return null;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number)) return number;
        Errors[name] = message;
        return null;
    }

    public Guid? Team(string name) =>
        Guid.TryParse(answer(name), out var id) && Teams.Any(t => t.Id == id) ? id : null;

    public TEnum? Choose<TEnum>(string name) where TEnum : struct, Enum => Choice.Of<TEnum>(answer(name));

    /// <summary>The problem a duplicate points at, found by its reference before deciding.</summary>
    public Guid? DuplicateOf { get; set; }

    /// <summary>The id the photo sent with the form is kept under; empty when no photo can be kept.</summary>
    public Guid PhotoId { get; set; }
}

/// <summary>
/// One change a person can make to a problem from the pages: its question, its fields, and the command its answers make,
/// which goes the one way every change goes (<see cref="ProblemChanges"/>). One page shows every change, one thing per
/// page, as the GOV.UK pattern asks.
/// </summary>
public sealed partial record ChangeForm(string Key, string Title, string Button, IReadOnlyList<FormField> Fields, Type Command, Func<ChangeContext, IProblemCommand> Build)
{
    public ChangeAbout About { get; init; } = ChangeAbout.Problem;
    public string? Intro { get; init; }
    public Func<ChangeContext, string?>? IntroFor { get; init; }

    /// <summary>Whether the form sends a photo, so it is sent as multipart/form-data.</summary>
    public bool TakesPhoto => Fields.Any(f => f.Kind == FieldKind.Photo);

    public bool MayUse(ClaimsPrincipal user, ProblemAction? action) =>
        action is null ? WhoMay.Allows(user, Command) : WhoMay.Allows(user, Command, action.TeamId);

    /// <summary>
    /// The refusal's messages in the form's own words: a field left empty gets its label's "Enter…" or "Select…" message
    /// rather than the domain's, which speaks of the API's field names. Other messages (too long, a date in the past) stand.
    /// </summary>
    public IDictionary<string, string[]> InLabelWords(IDictionary<string, string[]> errors, Func<string, string?> answer) =>
        errors.InLabelWords(Fields.Where(f => f.Missing is not null).ToDictionary(f => f.Name, f => f.Missing!),
            name => Fields.First(f => f.Name == name) is var field && field.Kind == FieldKind.Date
                ? new[] { "day", "month", "year" }.All(part => string.IsNullOrWhiteSpace(answer($"{name}-{part}")))
                : string.IsNullOrWhiteSpace(answer(name)));

    public static ChangeForm? Find(string key, ChangeAbout about) => All.FirstOrDefault(f => f.Key == key && f.About == about);
}
