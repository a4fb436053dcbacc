using Octans.Domain;
using Octans.Reports.MonthlyPacks;
using Octans.Testing;

namespace Octans.Reports.Tests.MonthlyPacks;

/// <summary>
/// High Town in October 2026, written as events with known figures: five problems before the cutoff (one new, one
/// advanced with an override and moved back, two closed, one quiet with an overdue action) and one after it.
/// </summary>
internal static class KnownArea
{
    public const string AreaName = "High Town";
    public static readonly PackMonth October = new(2026, 10);

    public static readonly PartnerTeam StreetLighting = Team("0196a000-0000-7000-8000-000000000001", "Street Lighting", "Luton Council");
    public static readonly PartnerTeam CleanStreets = Team("0196a000-0000-7000-8000-000000000002", "Clean Streets", "Luton Council");
    public static readonly PartnerTeam EnvironmentalEnforcement = Team("0196a000-0000-7000-8000-000000000003", "Environmental Enforcement", "Luton Council");
    public static readonly PartnerTeam Housing = Team("0196a000-0000-7000-8000-000000000004", "Housing", "Luton Council");
    public static readonly PartnerTeam HighTownPolice = Team("0196a000-0000-7000-8000-000000000005", "High Town Neighbourhood Team", "Bedfordshire Police");
    public static readonly PartnerTeam AzaleaOutreach = Team("0196a000-0000-7000-8000-000000000006", "Azalea outreach", "Azalea");
    public static readonly PartnerTeam CommunityVolunteers = Team("0196a000-0000-7000-8000-000000000007", "Community volunteers", "Community groups");

    /// <summary>
    /// The teams of Octans' reference data as the API hands them to the pack; the API's storage tests render this area
    /// from the store and compare, so the two cannot drift apart.
    /// </summary>
    public static IReadOnlyList<PartnerTeam> Teams { get; } =
        [StreetLighting, CleanStreets, EnvironmentalEnforcement, Housing, HighTownPolice, AzaleaOutreach, CommunityVolunteers];

    public static DateTimeOffset At(int month, int day, int hour = 10) => new(2026, month, day, hour, 0, 0, TimeSpan.Zero);

    public static DateOnly On(int month, int day) => new(2026, month, day);

    public static IReadOnlyList<ProblemScript> Problems(string area = AreaName, string code = "HT")
    {
        var lights = ProblemScript.Report($"{code}-0001", "Street lights out on Wenlock Street", At(8, 3), area, "Street lighting", Risk.High,
            "Wenlock Street, between Brunswick Street and Burr Street");
        var repair = lights.Plan("Repair the three dark columns", StreetLighting.Id, On(8, 20), At(8, 4));
        var lit = lights.AddCriterion("All columns lit for two weeks", At(8, 4));
        lights.Complete(repair, "Columns 12 to 14 repaired.", At(8, 18));
        lights.Meet(lit, "Night inspection on 4 September found every column lit.", At(9, 5));
        lights.Advance(At(9, 6));
        lights.Plan("Night re-inspection of the columns", StreetLighting.Id, On(10, 15), At(9, 10));
        var patrols = lights.Plan("Targeted patrols at the dark spot", HighTownPolice.Id, On(10, 30), At(10, 2));
        lights.Review(Rag.Amber, "Keep the night inspections going until the new lanterns arrive.", At(10, 8), On(11, 12));
        lights.Note("Residents report the stretch feels safer after dark.", At(10, 10));
        lights.Complete(patrols, "Two patrols a night for three weeks; no gatherings seen.", At(10, 29));
        lights.Note("A walkabout with residents is planned for November.", At(11, 3));

        var alley = ProblemScript.Report($"{code}-0002", "Fly-tipping in the alley behind Burr Street", At(10, 5, 9), area, "Fly-tipping", Risk.Medium,
            "Alley behind Burr Street");
        var clearance = alley.Plan("Clear the fly-tipping from the alley", CleanStreets.Id, On(10, 9), At(10, 5));
        alley.Plan("Enforcement letters to the businesses on Burr Street", EnvironmentalEnforcement.Id, On(10, 20), At(10, 5));
        alley.AddCriterion("No fresh dumping for four weeks", At(10, 6));
        alley.Complete(clearance, "Two tonnes of waste removed.", At(10, 8));
        alley.Advance(At(10, 21), "Letters are going out; the alley is clear.");
        alley.Recurred("Fresh bags dumped by the bins", On(10, 26), At(10, 27), "Resident report");
        alley.Revert("Dumping returned within a week", At(10, 28));

        var shop = ProblemScript.Report($"{code}-0003", "Derelict shop front on High Town Road", At(6, 1), area, "Derelict site or building", Risk.High,
            "High Town Road, by the junction with Burr Street");
        var secure = shop.Plan("Secure the shop front", Housing.Id, On(6, 10), At(6, 1));
        shop.Complete(secure, "Boarded and locked.", At(6, 9));
        shop.Advance(At(7, 10), "Secured; the owner's agent is finding a tenant.");
        shop.Advance(At(9, 1), "A tenant has signed for the shop.");
        shop.Close(Outcome.Resolved, "The shop has been let and reopened.", At(10, 20));

        var carPark = ProblemScript.Report($"{code}-0004", "Drug litter in the Midland Road car park", At(9, 15), area, "Drug litter", Risk.High,
            "Midland Road car park");
        carPark.Plan("Sweep the car park for needles", CleanStreets.Id, On(10, 5), At(9, 16));
        carPark.Close(Outcome.HandedOver, "Handed to the car park operator's own cleansing contract.", At(10, 12));

        var footpath = ProblemScript.Report($"{code}-0005", "Overgrown footpath from Old Bedford Road", At(5, 1), area, "Overgrown vegetation", Risk.Low,
            "Footpath from Old Bedford Road to the station");
        footpath.Advance(At(6, 10), "Agreed at tasking: the hedges are cut back in Hold.");
        footpath.Plan("Cut back the hedges", CleanStreets.Id, On(12, 1), At(6, 11));
        footpath.Plan("Residents' street watch rota", CommunityVolunteers.Id, On(9, 30), At(6, 11));

        var underpass = ProblemScript.Report($"{code}-0006", "Graffiti on the North Street underpass", At(11, 2), area, "Graffiti", Risk.Low,
            "North Street underpass");

        return [lights, alley, shop, carPark, footpath, underpass];
    }

    public static IReadOnlyList<IReadOnlyList<IProblemEvent>> Histories() => Problems().Select(p => p.Events).ToList();

    public static MonthlyPackModel Model(PackMonth? month = null) => MonthlyPackModel.From(AreaName, month ?? October, Histories(), Teams);

    private static PartnerTeam Team(string id, string name, string partner) => new(Guid.Parse(id), name, partner);
}
