namespace Octans.Api.ReferenceData;

/// <summary>A partner team that takes actions: street lighting, clean streets, the police neighbourhood team…</summary>
public sealed class Team
{
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public string Partner { get; set; } = "";

    public static readonly Team StreetLighting = Make("0196a000-0000-7000-8000-000000000001", "Street Lighting", "Luton Council");
    public static readonly Team CleanStreets = Make("0196a000-0000-7000-8000-000000000002", "Clean Streets", "Luton Council");
    public static readonly Team EnvironmentalEnforcement = Make("0196a000-0000-7000-8000-000000000003", "Environmental Enforcement", "Luton Council");
    public static readonly Team Housing = Make("0196a000-0000-7000-8000-000000000004", "Housing", "Luton Council");
    public static readonly Team HighTownPolice = Make("0196a000-0000-7000-8000-000000000005", "High Town Neighbourhood Team", "Bedfordshire Police");
    public static readonly Team AzaleaOutreach = Make("0196a000-0000-7000-8000-000000000006", "Azalea outreach", "Azalea");
    public static readonly Team CommunityVolunteers = Make("0196a000-0000-7000-8000-000000000007", "Community volunteers", "Community groups");

    public static IReadOnlyList<Team> Defaults { get; } =
        [StreetLighting, CleanStreets, EnvironmentalEnforcement, Housing, HighTownPolice, AzaleaOutreach, CommunityVolunteers];

    private static Team Make(string id, string name, string partner) => new() { Id = Guid.Parse(id), Name = name, Partner = partner };
}
