namespace Octans.Api.Problems;

/// <summary>
/// Enums arrive as strings ("Clear", "High"). An unknown word reads as no choice at all, so the domain answers it
/// with the same field error that lists the choices, instead of the JSON reader failing the whole body.
/// </summary>
public static class Choice
{
    public static TEnum? Of<TEnum>(string? value) where TEnum : struct, Enum =>
        !string.IsNullOrWhiteSpace(value) && !char.IsDigit(value.Trim()[0]) && Enum.TryParse<TEnum>(value.Trim(), ignoreCase: true, out var parsed)
            && Enum.IsDefined(parsed)
            ? parsed
            : null;
}
