namespace Octans.Api.Pages.Statements;

/// <summary>
/// A fact about the partnership that the statements need and only its configuration can give: its value, or what to
/// set while it has none, which the pages show as a placeholder marked so.
/// </summary>
public sealed record Configured(string? Value, string Placeholder, string Setting)
{
    public bool IsSet => !string.IsNullOrWhiteSpace(Value);
}

/// <summary>
/// What the accessibility statement and the privacy notice say of the organisation behind this Octans, under
/// <c>Octans:Statements</c>: the data controller's name, how to contact it, its data protection officer, and its
/// retention policy in words.
/// </summary>
public sealed record StatementSettings(Configured Controller, Configured Contact, Configured DataProtectionOfficer, Configured Retention)
{
    public const string Section = "Octans:Statements";

    public static StatementSettings From(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        Configured Setting(string key, string placeholder) => new(section[key]?.Trim(), placeholder, $"Octans__Statements__{key}");
        return new StatementSettings(
            Setting("Controller", "the name of the organisation responsible for Octans' data"),
            Setting("Contact", "an email address, phone number or postal address for questions about Octans"),
            Setting("DataProtectionOfficer", "how to contact the organisation's data protection officer"),
            Setting("Retention", "the partnership's retention policy: how long each kind of record is kept"));
    }
}
