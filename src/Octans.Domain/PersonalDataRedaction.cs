namespace Octans.Domain;

public static partial class PersonalData
{
    /// <summary>
    /// Text from outside the partnership with every email address, phone number and National Insurance number that
    /// <see cref="Find"/> would spot replaced by a marker, so a resident's report is kept rather than refused.
    /// </summary>
    public static string Redact(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var redacted = EmailAddress().Replace(text, Marker(PersonalDataKind.EmailAddress));
        redacted = PhoneNumberCandidate().Replace(redacted, m => IsUkPhoneNumber(m) ? Marker(PersonalDataKind.PhoneNumber) : m.Value);
        return NationalInsuranceNumber().Replace(redacted, Marker(PersonalDataKind.NationalInsuranceNumber));
    }

    private static string Marker(PersonalDataKind kind) => $"[{Name(kind)} removed]";
}
