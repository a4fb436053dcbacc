namespace Octans.Api.Problems;

/// <summary>
/// Answers that would otherwise read as "not given": a date that is not a date, a word that is not one of the choices
/// (which would leave an optional field unchanged). Each names its field, or is null when the answer is fine.
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
}
