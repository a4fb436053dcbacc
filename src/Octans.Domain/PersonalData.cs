using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Octans.Domain;

public enum PersonalDataKind { EmailAddress, PhoneNumber, NationalInsuranceNumber }

/// <summary>What is left of a text once its personal data is taken out, and what was taken, in the order it stood.</summary>
public sealed record Redacted(string Text, IReadOnlyList<PersonalDataKind> Removed);

/// <summary>
/// Spots email addresses, UK phone numbers and National Insurance numbers in free text however they are written
/// (spaced, dotted, "(at)", full-width or other digits), because Octans records places, not people. Staff are asked
/// to take them out (<see cref="Check"/>); what the public sends has them replaced by a marker (<see cref="Redact"/>).
/// Deliberately narrow: dates, times, money, references such as HT-0001, UPRNs, USRNs, postcodes and coordinates pass.
/// </summary>
public static partial class PersonalData
{
    private static readonly IReadOnlyList<PersonalDataKind> NothingRemoved = [];

    /// <summary>The kind of the first piece of personal data in <paramref name="text"/>, or null when there is none.</summary>
    public static PersonalDataKind? Find(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : Pieces(text) is [var first, ..] ? first.Kind : null;

    /// <summary>The sentence to show when <paramref name="text"/> carries personal data, or null when it is clean.</summary>
    /// <param name="field">What the text is, as the user sees it: "note", "title", "reason".</param>
    public static string? Check(string? text, string field) =>
        Find(text) is { } kind ? $"Octans records places, not people: remove the {Name(kind)} from the {field}." : null;

    /// <summary>
    /// The text with each piece of personal data replaced by its <see cref="Marker"/> and every other character kept as
    /// it was. Null and empty text come back as they are, so a report keeps whatever it had.
    /// </summary>
    [return: NotNullIfNotNull(nameof(text))]
    public static string? Redact(string? text) => text is null ? null : Redaction(text).Text;

    /// <summary>Like <see cref="Redact"/>, and says what was removed.</summary>
    public static Redacted Redaction(string text)
    {
        List<PersonalDataKind>? removed = null;
        // Taking a piece out can leave its neighbours standing alone ("jo@example.com07700 900123"), so look again.
        while (Pieces(text) is { } pieces)
        {
            text = Replace(text, pieces);
            (removed ??= []).AddRange(pieces.Select(piece => piece.Kind));
        }
        return new Redacted(text, removed ?? NothingRemoved);
    }

    /// <summary>What replaces a piece of personal data: "[phone number removed]".</summary>
    public static string Marker(PersonalDataKind kind) => $"[{Name(kind)} removed]";

    public static string Name(PersonalDataKind kind) => kind switch
    {
        PersonalDataKind.EmailAddress => "email address",
        PersonalDataKind.PhoneNumber => "phone number",
        PersonalDataKind.NationalInsuranceNumber => "National Insurance number",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    private static string Replace(string text, List<Piece> pieces)
    {
        var redacted = new StringBuilder(text.Length);
        var kept = 0;
        foreach (var piece in pieces)
        {
            redacted.Append(text, kept, piece.Start - kept).Append(Marker(piece.Kind));
            kept = piece.End;
        }
        return redacted.Append(text, kept, text.Length - kept).ToString();
    }
}
