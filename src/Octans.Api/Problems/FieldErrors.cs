using Marten;
using Octans.Api.ReferenceData;
using Octans.Domain;

namespace Octans.Api.Problems;

public sealed record FieldError(string Field, string Message);

/// <summary>
/// The mistakes in a write's body that the domain cannot see: what only the database knows (teams, categories,
/// other problems), and answers that would otherwise read as "not given" (a date that is not a date, a word that is
/// not one of the choices, which would leave an optional field unchanged). Each names its field, or is null when the
/// answer is fine.
/// </summary>
public static class FieldErrors
{
    public static FieldError? MalformedDate(string field, string? text) => PickedDate.IsMalformed(text)
        ? new(field, $"'{text}' is not a date Octans can read; write it as year-month-day, such as 2026-11-30.")
        : null;

    public static FieldError? UnknownChoice<TEnum>(string field, string? text) where TEnum : struct, Enum =>
        !string.IsNullOrWhiteSpace(text) && Choice.Of<TEnum>(text) is null
            ? new(field, $"'{text}' is not one of the choices: {string.Join(", ", Enum.GetNames<TEnum>())}.")
            : null;

    public static async Task<FieldError?> UnknownTeamAsync(IQuerySession session, Guid? teamId, CancellationToken cancellation) =>
        teamId is { } id && id != Guid.Empty && !await ReferenceDataLookups.TeamExistsAsync(session, id, cancellation)
            ? new("teamId", "There is no team with that id. Choose one from GET /api/teams.")
            : null;

    public static async Task<FieldError?> UnknownCategoryAsync(IQuerySession session, string? category, CancellationToken cancellation) =>
        !string.IsNullOrWhiteSpace(category) && !await ReferenceDataLookups.CategoryExistsAsync(session, category, cancellation)
            ? new("category", $"There is no category called '{category}'. Choose one from GET /api/categories.")
            : null;

    public static async Task<FieldError?> UnknownProblemAsync(IQuerySession session, string field, Guid? problemId, CancellationToken cancellation) =>
        problemId is { } id && !await session.Query<Problem>().AnyAsync(p => p.Id == id, cancellation)
            ? new(field, "There is no problem with that id.")
            : null;
}
