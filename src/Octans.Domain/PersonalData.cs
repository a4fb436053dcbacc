using System.Text.RegularExpressions;

namespace Octans.Domain;

public enum PersonalDataKind { EmailAddress, PhoneNumber, NationalInsuranceNumber }

/// <summary>
/// Spots contact details and National Insurance numbers in free text, because Octans records places, not people.
/// Deliberately narrow: dates, times, money, references such as HT-0001, UPRNs and postcodes pass.
/// </summary>
public static partial class PersonalData
{
    public static PersonalDataKind? Find(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        if (EmailAddress().IsMatch(text))
            return PersonalDataKind.EmailAddress;
        if (PhoneNumberCandidate().Matches(text).Any(IsUkPhoneNumber))
            return PersonalDataKind.PhoneNumber;
        if (NationalInsuranceNumber().IsMatch(text))
            return PersonalDataKind.NationalInsuranceNumber;
        return null;
    }

    /// <summary>The sentence to show when <paramref name="text"/> carries personal data, or null when it is clean.</summary>
    /// <param name="field">What the text is, as the user sees it: "note", "title", "reason".</param>
    public static string? Check(string? text, string field) =>
        Find(text) is { } kind ? $"Octans records places, not people: remove the {Name(kind)} from the {field}." : null;

    public static string Name(PersonalDataKind kind) => kind switch
    {
        PersonalDataKind.EmailAddress => "email address",
        PersonalDataKind.PhoneNumber => "phone number",
        PersonalDataKind.NationalInsuranceNumber => "National Insurance number",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    private static bool IsUkPhoneNumber(Match candidate)
    {
        var digits = candidate.Value.Count(char.IsAsciiDigit);
        var international = candidate.Groups["international"];
        // National numbers are 0 and 9 or 10 more digits; international ones are the same without the 0.
        return international.Success
            ? digits - international.Value.Count(char.IsAsciiDigit) is 9 or 10
            : digits is 10 or 11;
    }

    [GeneratedRegex(@"[A-Z0-9._%+-]+@[A-Z0-9-]+(\.[A-Z0-9-]+)*\.[A-Z]{2,}",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex EmailAddress();

    // A UK number starts with +44, 0044 or 0, and is written in groups of digits separated by single spaces or
    // hyphens, the area code maybe in brackets. Groups after the first have at least three digits, which keeps
    // dates written as "01 02 2026" out. A number glued to letters, digits or a hyphen (HT-0001, UPRNs) is not one.
    [GeneratedRegex(
        @"(?<![\w+./-])(?:(?<international>(?:\+|00)44[\s-]?(?:\(0\)[\s-]?)?)\d{1,5}|\(?0\d{2,5}\)?)(?:[\s-]?\d{3,}){0,3}(?!\d)",
        RegexOptions.CultureInvariant)]
    private static partial Regex PhoneNumberCandidate();

    // Any two letters count, not only the prefixes HMRC allocates, so the specimen QQ 12 34 56 C copied from
    // forms is caught too.
    [GeneratedRegex(@"(?<![A-Z0-9])[A-Z]{2} ?\d{2} ?\d{2} ?\d{2} ?[A-D](?![A-Z0-9])",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NationalInsuranceNumber();
}
