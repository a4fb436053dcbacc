using Octans.Api.Problems.Reporting;
using Octans.Api.ReferenceData;
using Octans.Domain;
using static Octans.Api.Demo.ProblemStory;

namespace Octans.Api.Demo;

/// <summary>
/// A year of the High Town partnership's work, for trying Octans out: problems on real High Town streets taken
/// through Clear, Hold and Build, reviewed at the monthly meetings on the second Tuesday, with recurrences,
/// reverts, overdue and closed work. It is built from <c>now</c> alone, so the same instant gives the same events.
/// </summary>
public static class HighTownDemo
{
    private const string StreetLighting = "Street lighting";
    private const string Alleyway = "Alleyway";
    private const string Derelict = "Derelict site or building";
    private const string FlyTipping = "Fly-tipping";
    private const string DrugLitter = "Drug litter";
    private const string Graffiti = "Graffiti";
    private const string Vegetation = "Overgrown vegetation";
    private const string Cctv = "CCTV";
    private const string Other = "Other";

    public static IReadOnlyList<ProblemHistory> Build(DateTimeOffset now)
    {
        var calendar = new DemoCalendar(now);
        var stories = Stories()
            .Select(s => s with { ReportedOn = calendar.Day(s.MonthsAgo, s.Days) })
            .OrderBy(s => ProblemStory.ReportedAt(s.Key, s.ReportedOn))
            .ThenBy(s => s.Key, StringComparer.Ordinal)
            .ToList();
        var references = stories
            .Select((s, i) => (s.Key, Reference: ProblemReferences.Format(Area.HighTown.Id, i + 1)))
            .ToDictionary(s => s.Key, s => s.Reference);

        return stories.Select(s =>
        {
            var story = new ProblemStory(s.Key, calendar, key => (DemoIds.For(key), references[key]))
                .Report(s.ReportedOn, references[s.Key], s.Title, s.Statement, s.Category, s.Risk, s.Place);
            s.Then(story);
            return new ProblemHistory(story.Id, story.Events);
        }).ToList();
    }

    private sealed record Story(
        string Key, int MonthsAgo, int Days, string Title, string Statement, string Category, Risk Risk, Location Place,
        Action<ProblemStory> Then)
    {
        public DateOnly ReportedOn { get; init; }
    }

    private static Location Place(string description, double latitude, double longitude) =>
        new(description, latitude, longitude, null, null, "High Town");

    private static IEnumerable<Story> Stories()
    {
        yield return new Story("wenlock-street-lamps", 10, -8,
            "Three lamp columns dark on Wenlock Street between Brunswick Street and Burr Street",
            "Columns 4, 5 and 6 on Wenlock Street have been out for over a fortnight. The stretch between Brunswick Street and "
            + "Burr Street is the walking route from the High Town Road bus stops, and residents say they avoid it after dark.",
            StreetLighting, Risk.High, Place("Wenlock Street, between Brunswick Street and Burr Street", 51.8853, -0.4128),
            s => s
                .Criterion("lit", "All three columns lit on two night inspections in a row")
                .Plan("repair", Team.StreetLighting, "Repair the three failed lamps on Wenlock Street (columns 4, 5 and 6)", 7)
                .Plan("patrol", Team.HighTownPolice, "Targeted evening patrols on Wenlock Street while the lamps are out", 14)
                .On(10, -7).Note("Night scout confirms columns 4, 5 and 6 dark. Column 5 has lost its door and the cable is "
                    + "exposed; made safe tonight.", Lighting)
                .On(10, -2).Complete("repair", "Lamps and photocells replaced in columns 4 and 6. Column 5 needs a new cut-out; "
                    + "a temporary repair has it lit for now.")
                .Review(10, Rag.Amber, "Lights back on, but column 5 is on a temporary repair. Stay in Clear until two clean "
                    + "night inspections.")
                .On(10, 8).Complete("patrol", "Evening patrols on six nights; nothing reported on the stretch.")
                .On(10, 16).Met("lit", "Night inspections on two Thursdays in a row found all three columns lit.", Lighting)
                .Review(9, Rag.Green, "Clear work done. Move to Hold: monthly night inspections and a watch for repeat outages.")
                .Advance()
                .Plan("inspect", Team.StreetLighting, "Monthly night inspection of Wenlock Street columns 4 to 6", 28,
                    assignee: "Night inspection crew")
                .Criterion("steady", "No outage on the stretch for three months")
                .On(9, 23).Complete("inspect", "All three lit at the night inspection.")
                .Review(8, Rag.Green, "Holding. Keep the monthly night inspections.")
                .On(7, -6).Recur("Columns 5 and 6 dark again. The fault is in the supply cable, not the lamps.",
                    "Street Lighting night inspection", Lighting)
                .Review(7, Rag.Red, "The outage is back and the cause is the supply cable. Go back to Clear until it is repaired.")
                .Revert("Columns 5 and 6 failed again because of a cable fault, so the Clear work was not finished.")
                .Plan("cable", Team.StreetLighting, "Get the supply cable to columns 5 and 6 repaired by the network operator", 21)
                .Plan("patrol-again", Team.HighTownPolice, "Evening patrols on Wenlock Street until the cable is repaired", 21)
                .On(7, 14).Reschedule("cable", 35, "The network operator needs a road closure on Wenlock Street; the earliest "
                    + "slot is next month.", Lighting)
                .Note("Temporary lighting tower placed at the Burr Street end while we wait for the road closure.", Lighting)
                .On(7, 21).Complete("patrol-again", "Patrols on nine evenings. The lighting tower has helped; no incidents reported.")
                .Review(6, Rag.Amber, "Road closure booked for this month. Stay in Clear until the cable is repaired.")
                .On(6, 8).Complete("cable", "Cable jointed under the road closure; both columns back on the permanent supply and "
                    + "the tower removed.")
                .Review(5, Rag.Green, "Cable repaired and the stretch has been lit for a month. Back to Hold.")
                .Advance()
                .Plan("inspect-again", Team.StreetLighting, "Monthly night inspection of Wenlock Street columns 4 to 6", 28,
                    assignee: "Night inspection crew")
                .Review(4, Rag.Green, "Holding; no outages since the cable repair.")
                .On(4, 1).Complete("inspect-again", "All lit. No outages logged since the cable repair.")
                .On(3, -2).Met("steady", "No outage reported or found on night inspections for three months since the cable repair.")
                .Review(3, Rag.Green, "Three months without an outage. Move to Build: upgrade the stretch to LED with a better "
                    + "spread of light.")
                .Advance()
                .PlanAhead("led", Team.StreetLighting,
                    "Upgrade columns 4 to 6 to LED lanterns and add a column at the Burr Street corner", 45)
                .PlanAhead("ask-residents", Team.CommunityVolunteers,
                    "Walk the street with residents after dark once the LEDs are in, and note what has changed", 75)
                .Review(2, Rag.Green, "LED upgrade ordered; delivery expected in about eight weeks.")
                .Review(0, Rag.Amber, "The LED lanterns are delayed by the supplier. Street Lighting to confirm a new date.", 2));

        yield return new Story("wenlock-street-lamps-again", 9, -6,
            "Street lights out on Wenlock Street near Burr Street",
            "Lamps out on Wenlock Street near the Burr Street corner, raised at the residents' association meeting.",
            StreetLighting, Risk.Medium, Place("Wenlock Street at the corner of Burr Street", 51.8857, -0.4124),
            s => s
                .Plan("check", Team.StreetLighting, "Check which columns are out near the Burr Street corner", 5)
                .On(9, -5).Complete("check", "These are columns 5 and 6, already being repaired under the earlier Wenlock Street problem.")
                .Review(9, Rag.Green, "Same columns as the earlier Wenlock Street problem. Close as a duplicate.")
                .CloseAsDuplicateOf("wenlock-street-lamps", "Same dark columns as {0}; the work is tracked there."));

        yield return new Story("burr-street-garages", 10, -5,
            "Fly-tipping at the Burr Street garages",
            "Mattresses, bagged household waste and builders' rubble dumped on the forecourt of the council garage block on "
            + "Burr Street, most weeks. The forecourt is open to the street and hidden from the houses.",
            FlyTipping, Risk.Medium, Place("Garage block forecourt, Burr Street", 51.8866, -0.4119),
            s => s
                .Plan("clear", Team.CleanStreets, "Clear the waste from the Burr Street garage forecourt", 3)
                .Plan("evidence", Team.EnvironmentalEnforcement, "Search the dumped waste for evidence and follow it up", 5)
                .On(10, -4).Complete("evidence", "Evidence found in two bags; one fixed penalty notice issued, the rest unattributable.")
                .On(10, -3).Complete("clear", "Two van loads removed, including three mattresses and a sofa.")
                .Criterion("clean", "Forecourt clear at four weekly checks in a row")
                .Review(10, Rag.Amber, "Cleared, and a fixed penalty issued. Watch for four weeks before moving on.")
                .On(10, 20).Met("clean", "Clean Streets found the forecourt clear at four weekly checks.", Streets)
                .Review(9, Rag.Green, "Clear. Move to Hold with fortnightly checks and warning signs.")
                .Advance()
                .Plan("checks", Team.CleanStreets, "Fortnightly check of the garage forecourt, clearing anything new within a day", 56)
                .Plan("signs", Team.EnvironmentalEnforcement, "Put up fly-tipping warning signs on the garage block", 14)
                .Criterion("eight-weeks", "No fly-tipping reported at the garages for eight weeks")
                .On(9, 9).Complete("signs", "Two warning signs fitted at the forecourt entrance.")
                .On(8, 20).Complete("checks", "Four checks; one bag of garden waste removed, nothing else.")
                .Met("eight-weeks", "No reports to the council or the partnership for eight weeks.")
                .Review(7, Rag.Green, "Holding. Move to Build: Housing owns the garages and can gate the forecourt.")
                .Advance()
                .Plan("gate", Team.Housing, "Fit a lockable gate to the garage forecourt and give keys to the garage tenants", 60)
                .Plan("planters", Team.CommunityVolunteers, "Residents' group to adopt the forecourt edge with planters", 75)
                .Review(6, Rag.Green, "Gate ordered.")
                .On(5, 6).Complete("gate", "Gate fitted and keys issued to all garage tenants.")
                .On(5, 20).Complete("planters", "Four planters in place, looked after by the residents' group.")
                .Review(4, Rag.Green, "No fly-tipping since the gate went in. Close next month if it stays that way.")
                .Review(3, Rag.Green, "Eleven weeks without fly-tipping. Close as resolved.")
                .Close(Outcome.Resolved, "No fly-tipping at the garages since the gate was fitted. The forecourt is looked after by "
                    + "the residents' group, and Clean Streets' normal round covers the street."));

        yield return new Story("brunswick-street-alley", 10, -2,
            "Dumping and drug use in the alley behind Brunswick Street",
            "The alley behind the Brunswick Street terraces collects dumped bags and drug litter, and residents report people "
            + "using it late at night. It has two open ends and no lighting.",
            Alleyway, Risk.High, Place("Alley behind the Brunswick Street terraces", 51.8862, -0.4108),
            s => s
                .Plan("clear", Team.CleanStreets, "Clear the alley of bags and sharps", 3)
                .Plan("outreach", Team.AzaleaOutreach, "Outreach visits to the alley at night", 14)
                .Plan("patrol", Team.HighTownPolice, "Late-night patrols of the alley", 21)
                .On(10, -1).Complete("clear", "Eleven bags and a small amount of drug litter removed.")
                .Review(10, Rag.Red, "Still used most nights. Keep outreach and patrols going.")
                .On(10, 9).Complete("outreach", "Four night visits; support offered each time.")
                .On(10, 20).Complete("patrol", "Patrols on ten nights; use of the alley has dropped since the first week.")
                .Review(9, Rag.Amber, "Much quieter. Move to Hold and start talking to residents about gating.")
                .Advance()
                .Plan("cleanse", Team.CleanStreets, "Scheduled cleansing of the alley every two weeks", 28)
                .Plan("consult", Team.Housing, "Ask the Brunswick Street residents whether they want alley gates", 42)
                .On(9, 16).Complete("cleanse", "Two cleanses; light litter only.")
                .On(9, 23).Complete("consult", "Twenty-one of the twenty-four households back gating the alley.")
                .Review(8, Rag.Green, "Residents back gating. Move to Build.")
                .Advance()
                .Plan("gates", Team.Housing, "Fit alley gates at both ends of the Brunswick Street alley", 70)
                .Plan("keys", Team.CommunityVolunteers, "Hand out gate keys and agree a residents' rota to check the gates", 84)
                .Review(7, Rag.Green, "Gates ordered.")
                .On(6, 3).Complete("gates", "Gates fitted at both ends.")
                .On(6, 10).Complete("keys", "Keys handed to every household; rota agreed with the residents' association.")
                .On(6, 17).Note("Residents say the north gate does not lock; the latch was fitted the wrong way round.", Streets)
                .ReopenAction("gates", "The north gate does not lock. Housing's contractor to refit the latch.")
                .On(5, -4).Complete("gates", "Latch refitted; both gates lock and residents confirm they are using them.")
                .Review(5, Rag.Green, "Gates working. Some dumping has moved to the alley's open side path, which Clean Streets' "
                    + "round now covers.")
                .Review(3, Rag.Green, "Drug use has stopped; occasional bags at the side path are cleared on the normal round.")
                .Close(Outcome.ReducedAndManaged, "Gates fitted and working, drug use gone. Occasional dumping at the side path "
                    + "remains and is handled by Clean Streets' normal round."));

        yield return new Story("hitchin-road-plot", 10, 3,
            "Vacant plot on Hitchin Road used for dumping",
            "The fenced plot where the old workshops stood on Hitchin Road has a broken fence, dumped waste and brambles, "
            + "and is used as a short cut at night.",
            Derelict, Risk.Medium, Place("Vacant plot on Hitchin Road, opposite the bus stop", 51.8878, -0.4079),
            s => s
                .Plan("owner", Team.EnvironmentalEnforcement, "Trace the owner of the plot and ask them to secure it", 21)
                .Plan("clear", Team.CleanStreets, "Clear dumped waste from the pavement edge of the plot", 7)
                .On(10, 6).Complete("clear", "Waste on the pavement side removed; more inside the fence.")
                .On(10, 15).Complete("owner", "Owner traced: a developer with planning permission not yet started. They will "
                    + "repair the fence and clear the plot.")
                .Criterion("fence", "Fence repaired and the plot cleared")
                .Review(9, Rag.Amber, "Owner co-operating; waiting for the fence repair.")
                .On(9, 16).Met("fence", "Fence repaired and the plot cleared by the owner's contractor; checked by Enforcement.")
                .Review(8, Rag.Green, "Secured. Move to Hold.")
                .Advance()
                .Plan("inspect", Team.EnvironmentalEnforcement, "Monthly inspection of the plot fence", 28)
                .On(8, 20).Complete("inspect", "Fence intact, plot clear.")
                .Review(7, Rag.Green, "The developer will not start for at least two years. Can the plot be used in the meantime?")
                .Review(6, Rag.Green, "Owner agrees to a community garden while the site waits. Move to Build.")
                .Advance()
                .Plan("licence", Team.Housing, "Agree a meanwhile-use licence with the owner for a community garden", 45)
                .Plan("garden", Team.CommunityVolunteers, "Set up the community garden group and the first planting day", 90)
                .On(5, 8).Complete("licence", "Licence signed for two years.")
                .Review(4, Rag.Green, "Licence signed; garden group forming.")
                .On(3, 12).Complete("garden", "First planting day held: raised beds built, fence painted.")
                .Review(2, Rag.Green, "Garden open two afternoons a week.")
                .PlanAhead("review-garden", Team.CommunityVolunteers,
                    "Report on the garden's first season to the partnership", 50)
                .Review(0, Rag.Green, "Going well. No dumping since the garden opened.", 2));

        yield return new Story("hitchin-road-alley-needles", 9, -5,
            "Drug litter and needles in the alley behind Hitchin Road shops",
            "Needles, foil and empty bags found most mornings in the service alley behind the Hitchin Road shops, around the "
            + "open bin store. Shop staff clearing their bins have found needles by hand.",
            DrugLitter, Risk.High, Place("Service alley behind the Hitchin Road shops", 51.8869, -0.4092),
            s => s
                .Criterion("clear", "Alley clear of sharps on four morning checks in a row")
                .Plan("sweep", Team.CleanStreets, "Sharps sweep of the alley and the bin store", 2)
                .Plan("outreach", Team.AzaleaOutreach, "Early-morning outreach in the alley, with needle exchange information", 14)
                .Plan("owner", Team.EnvironmentalEnforcement, "Find out who owns the bin store and the alley surface", 21)
                .Plan("patrol", Team.HighTownPolice, "Early-morning and late-evening patrols of the alley", 21)
                .On(9, -4).Complete("sweep", "Fourteen needles and a bag of drug litter removed. The bin store doors do not close.")
                .Note("The bin store gate hinge is broken, so anyone can get in. Photos are on the team drive.", Streets)
                .Review(9, Rag.Red, "Sharps every morning. Keep sweeping, start outreach this week, and trace the bin store owner.")
                .On(9, 6).Complete("outreach", "Three early-morning visits; support offered and needle exchange information "
                    + "left with the shops.")
                .On(9, 13).Complete("patrol", "Patrols at 6am and 10pm on eight days; the alley is used most late in the evening.")
                .On(9, 20).Met("clear", "No sharps on four morning checks in a row.", Streets)
                .Review(8, Rag.Amber, "Much better since outreach and patrols. The owner trace is slow; move to Hold anyway.")
                .Advance("The bin store owner is still being traced, but sweeps, outreach and patrols have removed the harm, "
                    + "and the trace does not change the Hold plan.")
                .Plan("weekly", Team.CleanStreets, "Weekly sharps check of the alley and the bin store", 28,
                    assignee: "Tuesday morning round")
                .Criterion("eight-weeks", "No sharps found for eight weeks")
                .On(8, 9).Complete("owner", "The bin store belongs to the landlord of the shops; a notice to repair the gate "
                    + "has been served.")
                .On(7, -1).Complete("weekly", "Four weekly checks: one needle in week two, none since.")
                .Review(7, Rag.Green, "Holding. Keep the weekly checks.")
                .On(6, -5).Recur("Needles and foil in the bin store again after the gate was forced open.",
                    "Clean Streets weekly check", Streets)
                .Review(6, Rag.Red, "The gate was forced and the drug litter is back. Back to Clear.")
                .Revert("Drug litter returned after the bin store gate was forced; the alley needs intensive work again.")
                .Plan("gate", Team.EnvironmentalEnforcement, "Require the landlord to fit a lockable steel gate to the bin store", 28)
                .Plan("outreach-evenings", Team.AzaleaOutreach, "Renewed outreach in the alley, in the evenings this time", 14)
                .Plan("patrol-evenings", Team.HighTownPolice, "Evening patrols of the alley between 10pm and midnight", 21)
                .On(6, 7).Complete("outreach-evenings", "Five evening visits; two referrals to the drug service accepted.")
                .On(6, 14).Complete("patrol-evenings", "Patrols on eleven evenings; the alley was empty on the last six.")
                .On(6, 21).Complete("gate", "Steel gate fitted by the landlord and checked by Enforcement; keys held by the shops.")
                .Review(5, Rag.Amber, "Gate fitted and the alley has been clear for three weeks. Back to Hold next month if it "
                    + "stays clear.")
                .Review(4, Rag.Green, "Clear for seven weeks. Back to Hold.")
                .Advance()
                .Plan("weekly-again", Team.CleanStreets, "Weekly sharps check of the alley and the bin store", 28,
                    assignee: "Tuesday morning round")
                .Plan("litter-pick", Team.CommunityVolunteers, "Monthly litter pick with the Hitchin Road traders", 35)
                .On(4, 15).Complete("litter-pick", "Traders and volunteers picked the alley and planted two tubs by the gate.")
                .On(4, 22).Complete("weekly-again", "Checked every Tuesday: clear.")
                .Review(3, Rag.Green, "Holding well.")
                .Review(2, Rag.Green, "Holding. Clean Streets to send the partnership a sweep log each month.")
                .Plan("log", Team.CleanStreets, "Send the partnership last month's sharps sweep log for the alley", 14)
                .Review(1, Rag.Amber, "Last month's sweep log has not arrived; chase Clean Streets.")
                .Review(0, Rag.Amber, "Sweep log still outstanding. No reports of drug litter, but we cannot show it without the log."));

        yield return new Story("high-town-road-service-road", 9, 8,
            "Fly-tipping in the service road behind the High Town Road shops",
            "Trade waste and household bags left in the service road behind the High Town Road shops, blocking deliveries "
            + "and attracting rats.",
            FlyTipping, Risk.Medium, Place("Service road behind the High Town Road shops", 51.8842, -0.4138),
            s => s
                .Plan("clear", Team.CleanStreets, "Clear the service road", 3)
                .Plan("trade-waste", Team.EnvironmentalEnforcement, "Check every shop has a trade waste agreement", 21)
                .On(9, 10).Complete("clear", "Cleared: mostly trade waste from the shops.")
                .On(9, 19).Complete("trade-waste", "Four shops had no trade waste agreement; all four have one now.")
                .Review(8, Rag.Green, "Clear since the agreements. Move to Hold.")
                .Advance()
                .Plan("checks", Team.CleanStreets, "Fortnightly check of the service road", 42)
                .On(8, 20).Complete("checks", "Three checks, all clear.")
                .Review(7, Rag.Green, "Clear for two months. Close next month if it holds.")
                .Review(6, Rag.Green, "Clear for three months. Close as resolved.")
                .Close(Outcome.Resolved, "Every shop now has a trade waste agreement and the service road has been clear for three months.")
                .On(4, -3).Reopen("Household bags are being dumped in the service road again, four times in the last fortnight.")
                .Recur("Household bags and a fridge dumped by the delivery bay.", "Resident report to the council", Streets, 1)
                .Review(4, Rag.Red, "Dumping is back, and it is household waste this time. Back to Clear.")
                .Revert("Fly-tipping returned after the problem was closed; this time it is household waste, not trade waste.")
                .Plan("clear-again", Team.CleanStreets, "Clear the service road, including the fridge", 3)
                .Plan("camera", Team.EnvironmentalEnforcement, "Put a redeployable camera on the service road for a month", 28)
                .On(4, 2).Complete("clear-again", "Cleared, fridge taken to the depot.")
                .On(4, 20).Reschedule("camera", 21, "The redeployable cameras are all in use; the next one is free in three weeks.")
                .Review(3, Rag.Amber, "Still dumping about once a week. Camera delayed.")
                .On(3, 20).Complete("camera", "Camera up for a month; footage of two incidents passed to investigation.")
                .Review(2, Rag.Amber, "Dumping is down. Letters and a bin check next.")
                .Plan("letters", Team.EnvironmentalEnforcement, "Write to the flats above the shops about bin collection days", 14)
                .Plan("bins", Team.Housing, "Check the flats above the shops have enough bins", 21)
                .On(2, 10).Complete("bins", "Two flats were sharing one bin; extra bins delivered.")
                .Review(1, Rag.Amber, "Bins sorted. The letters are overdue.")
                .Review(0, Rag.Amber, "Letters still not sent. Enforcement to confirm a date."));

        yield return new Story("old-bedford-road-hedges", 9, 3,
            "Overgrown hedges narrowing the Old Bedford Road footpath",
            "Hedges and brambles along the footpath beside Old Bedford Road have grown across half its width, pushing people "
            + "into the road and hiding the path from the houses opposite.",
            Vegetation, Risk.Low, Place("Footpath along Old Bedford Road, north of the railway", 51.8897, -0.4168),
            s => s
                .Plan("cut", Team.CleanStreets, "Cut back the hedges and brambles along the footpath", 14)
                .On(9, 15).Complete("cut", "Cut back to the boundary along 120 metres.")
                .Review(8, Rag.Green, "Path clear. Move to Hold with a cutting schedule.")
                .Advance()
                .Plan("schedule", Team.CleanStreets, "Add the footpath to the eight-weekly cutting schedule", 14)
                .On(8, 4).Complete("schedule", "On the schedule from next month.")
                .Review(7, Rag.Green, "Holding.", 2)
                .Review(5, Rag.Green, "Two cuts done on schedule. Move to Build: residents want to plant the verge.")
                .Advance()
                .Plan("planting", Team.CommunityVolunteers, "Plant the verge with low shrubs that will not block the view", 60)
                .On(4, 12).Complete("planting", "Low shrubs and bulbs planted along the verge by eleven volunteers.")
                .Review(3, Rag.Green, "Planting done. The path feels open and is overlooked again.")
                .PlanAhead("watering", Team.CommunityVolunteers, "Water the new planting through the summer", 40)
                .Review(1, Rag.Green, "Plants establishing well.", 2));

        yield return new Story("burr-street-alley-lighting", 9, 10,
            "Unlit alley between Burr Street and High Town Road",
            "The alley linking Burr Street to High Town Road has no lighting. It is a short cut used by people walking to the "
            + "station, and several have said they feel unsafe in it after dark.",
            Alleyway, Risk.Medium, Place("Alley between Burr Street and High Town Road", 51.8858, -0.4133),
            s => s
                .Plan("survey", Team.StreetLighting, "Survey the alley for lighting", 21)
                .Plan("cut", Team.CleanStreets, "Cut back the ivy along the alley walls", 14)
                .On(9, 20).Complete("cut", "Ivy cut back along both walls.")
                .On(9, 22).Complete("survey", "Two wall-mounted lights would cover the alley. Both walls belong to the council.")
                .Review(8, Rag.Amber, "Survey done. Patrols in the meantime.")
                .Plan("patrol", Team.HighTownPolice, "Evening patrols through the alley until it is lit", 28)
                .On(8, 22).Complete("patrol", "Patrols on twelve evenings; no incidents.")
                .Review(7, Rag.Green, "Move to Hold while the lights are funded.")
                .Advance()
                .Plan("funding", Team.StreetLighting, "Find funding for two wall-mounted lights in the alley", 60)
                .On(7, 20).Complete("funding", "Funded from the ward budget.")
                .Review(6, Rag.Green, "Funded. Move to Build.")
                .Advance()
                .Plan("install", Team.StreetLighting, "Install two wall-mounted lights in the Burr Street alley", 56)
                .On(5, 10).Reschedule("install", 60, "The wall brackets need the landlord of number 2's consent for the cable route.",
                    Lighting)
                .Review(4, Rag.Amber, "Consent given; installation booked.")
                .On(4, 12).Complete("install", "Both lights installed and working.")
                .Review(3, Rag.Green, "Lit. Ask people who use the alley whether it feels different.")
                .PlanAhead("survey-users", Team.CommunityVolunteers, "Short survey of people using the alley after dark", 30)
                .Review(1, Rag.Green, "Survey under way.", 2));

        yield return new Story("hitchin-road-recycling", 8, 10,
            "Fly-tipping around the Hitchin Road recycling bank",
            "Bags and boxes dumped around the recycling bank at the Hitchin Road car park when the banks are full, spreading "
            + "across the car park in wind.",
            FlyTipping, Risk.Medium, Place("Recycling bank, Hitchin Road car park", 51.8881, -0.4070),
            s => s
                .Plan("clear", Team.CleanStreets, "Clear the waste around the recycling bank", 2)
                .Plan("collections", Team.CleanStreets, "Ask the recycling contractor to empty the banks twice a week", 21)
                .On(8, 11).Complete("clear", "Cleared.")
                .On(7, -1).Complete("collections", "Banks now emptied on Mondays and Thursdays.")
                .Review(7, Rag.Green, "Much better with two collections. Move to Hold.")
                .Advance()
                .Plan("checks", Team.CleanStreets, "Check the recycling bank after each weekend", 56)
                .Criterion("tidy", "Bank area tidy at six weekend checks in a row")
                .On(5, -3).Recur("Bags dumped after the bank was full over the bank holiday weekend.", "Clean Streets weekend check",
                    Streets, 1)
                .Note("One-off: the contractor missed the Monday collection. Cleared the same day.", Streets)
                .Review(5, Rag.Amber, "A one-off after a missed collection; no need to go back to Clear.")
                .On(5, 20).Complete("checks", "Eight weekend checks; one bad weekend after the missed collection.")
                .Plan("checks-again", Team.CleanStreets, "Check the recycling bank after each weekend", 56)
                .On(4, 17).Met("tidy", "Six weekend checks in a row with the bank area tidy.", Streets)
                .Complete("checks-again", "All six checks tidy.")
                .Review(3, Rag.Green, "Holding.")
                .Plan("signs", Team.EnvironmentalEnforcement, "Put up signs showing the nearest other recycling banks", 21)
                .Review(2, Rag.Green, "Holding. Signs requested.", 2)
                .Review(0, Rag.Amber, "The signs have not gone up yet.", 1));

        yield return new Story("midland-road-garage", 8, -3,
            "Derelict former garage on Midland Road, boarding removed",
            "The former car repair garage on Midland Road has stood empty for two years. The boarding has been pulled off the "
            + "front, and there are signs of people sleeping and using drugs inside.",
            Derelict, Risk.Medium, Place("Former garage, Midland Road", 51.8826, -0.4151),
            s => s
                .Plan("owner", Team.EnvironmentalEnforcement, "Trace the owner and require them to secure the building", 14)
                .Plan("support", Team.AzaleaOutreach, "Offer support to anyone found sheltering in the building", 7)
                .Plan("visit", Team.HighTownPolice, "Visit the site with Azalea and check it is safe", 7)
                .On(8, -2).Complete("visit", "Visited with Azalea; nobody inside, but bedding and needles found.")
                .Complete("support", "Nobody present at two visits; Azalea's night team will look in on its rounds.")
                .On(8, 3).Note("Signs of a small fire inside the back office. Fire service informed.")
                .Revise(risk: Risk.High)
                .Criterion("secure", "Every opening boarded and the yard gate locked")
                .Plan("clear-inside", Team.CleanStreets, "Remove the sharps and bedding from inside once it is safe", 14)
                .On(8, 6).Complete("owner", "Owner traced through the Land Registry; they have agreed to board the building this week.")
                .On(8, 10).Complete("clear-inside", "Sharps and bedding removed with the owner's consent.")
                .On(8, 13).Met("secure", "Every opening boarded and the yard gate padlocked; checked by Enforcement.")
                .Review(7, Rag.Amber, "Secured. Move to Hold with fortnightly inspections.")
                .Advance()
                .Plan("inspect", Team.EnvironmentalEnforcement, "Fortnightly inspection of the boarding", 28)
                .On(7, 20).Complete("inspect", "Boarding intact on both visits.")
                .Review(6, Rag.Green, "Holding.")
                .On(5, -6).Recur("Boarding pulled off the side door again; fresh bedding inside.", "NPT patrol")
                .Review(5, Rag.Red, "Entered again. Back to Clear, and the owner must do more than board it.")
                .Revert("The building was entered again within two months of being boarded.")
                .Plan("notice", Team.EnvironmentalEnforcement, "Serve a Section 215 notice requiring the owner to make the site good", 28)
                .Plan("support-again", Team.AzaleaOutreach, "Outreach visits to the site at night", 14)
                .On(5, 8).Complete("support-again", "Three night visits; one person accepted a referral to Housing Options.")
                .On(5, 20).Complete("notice", "Section 215 notice served; the owner has eight weeks to comply.")
                .Review(4, Rag.Amber, "Notice served. Waiting for the owner.")
                .Plan("steel", Team.EnvironmentalEnforcement,
                    "Confirm the owner has replaced the boarding with steel sheeting, as the notice requires", 42)
                .Review(3, Rag.Amber, "Owner says steel sheeting is ordered.")
                .Review(2, Rag.Amber, "No sign of the steel sheeting yet.")
                .Review(1, Rag.Red, "The notice period has run out and the steel sheeting is not up. Enforcement to consider "
                    + "prosecution or works in default.")
                .On(1, 9).Note("Site visit: boarding still intact, steel sheeting not fitted. The owner's agent says next month.")
                .Review(0, Rag.Red, "No change. Enforcement to report on works in default at the next meeting."));

        yield return new Story("high-town-road-doorway", 8, 6,
            "Rough sleeping in the doorway of the empty shop on High Town Road",
            "Bedding and belongings in the recessed doorway of the empty shop unit on High Town Road, with people sleeping "
            + "there most nights. Neighbouring shops have raised concerns for their welfare.",
            Other, Risk.Medium, Place("Doorway of the empty shop unit, High Town Road", 51.8840, -0.4144),
            s => s
                .Plan("outreach", Team.AzaleaOutreach, "Outreach at the doorway: offer support and a route into accommodation", 3)
                .Plan("housing", Team.Housing, "Housing Options to offer accommodation assessments", 14)
                .On(8, 8).Complete("outreach", "Visited on three nights; support accepted.")
                .On(8, 16).Complete("housing", "Accommodation assessments done; emergency places offered and taken up.")
                .Review(7, Rag.Green, "The people who were sleeping here have support and are housed for now. Clear the doorway "
                    + "with care.")
                .Plan("clear", Team.CleanStreets, "Clear what is left in the doorway, keeping anything personal for Azalea to return", 7)
                .On(7, 3).Complete("clear", "Doorway cleared; two bags of belongings handed to Azalea.")
                .Review(6, Rag.Green, "Doorway empty for a month. The individual cases sit with Housing and Azalea.")
                .Close(Outcome.HandedOver, "The people who slept here are in casework with Housing Options and Azalea, who hold "
                    + "their details. The doorway has been empty for a month; Octans tracks the place, not the people."));

        yield return new Story("old-bedford-road-bridge", 7, -6,
            "Graffiti under the railway bridge on Old Bedford Road",
            "Tags and offensive graffiti across both abutments of the railway bridge on Old Bedford Road, repainted within "
            + "days of any clean. It makes the underpass feel neglected.",
            Graffiti, Risk.Low, Place("Railway bridge, Old Bedford Road", 51.8889, -0.4177),
            s => s
                .Plan("remove", Team.CleanStreets, "Remove the graffiti from both bridge abutments", 7)
                .On(7, -5).Note("Network Rail owns the abutments; we need their permission before cleaning.", Streets)
                .Reschedule("remove", 28, "Waiting for Network Rail's permission to work on the abutments.", Streets)
                .Review(7, Rag.Amber, "Waiting for Network Rail.")
                .On(7, 16).Complete("remove", "Both abutments cleaned and an anti-graffiti coating applied.")
                .Review(6, Rag.Green, "Clean. Move to Hold.")
                .Advance()
                .Plan("checks", Team.CleanStreets, "Monthly check of the bridge, removing new tags within 48 hours", 56)
                .Plan("mural", Team.CommunityVolunteers, "Mural on the abutments with the local schools", 150, Phase.Build)
                .On(6, 15).Recur("New tags on the north abutment.", "Clean Streets monthly check", Streets)
                .Note("Tags came off easily thanks to the coating; removed the same day.", Streets)
                .Review(5, Rag.Amber, "Tags back once, removed within a day. Stay in Hold.")
                .On(5, 12).Complete("checks", "Two monthly checks; one set of tags removed.")
                .Review(4, Rag.Green, "Holding. Network Rail agree to a mural.")
                .Review(2, Rag.Green, "No new tags for two months. Move to Build for the mural.")
                .Advance()
                .Review(1, Rag.Green, "Schools have designs ready; painting planned.")
                .RescheduleAhead("mural", 60, "Painting moved to the spring so the paint can cure in dry weather.")
                .Review(0, Rag.Green, "On track.", 2));

        yield return new Story("old-bedford-road-play-area", 7, 2,
            "Drug litter around the Old Bedford Road play area",
            "Needles and foil found in the bushes around the play area off Old Bedford Road, including inside the fence near "
            + "the swings.",
            DrugLitter, Risk.High, Place("Play area off Old Bedford Road", 51.8901, -0.4160),
            s => s
                .Plan("sweep", Team.CleanStreets, "Daily sharps sweep of the play area before it opens", 14)
                .Plan("prune", Team.CleanStreets, "Prune the bushes around the fence so the play area can be seen from the road", 14)
                .Plan("outreach", Team.AzaleaOutreach, "Outreach visits around the play area in the evenings", 14)
                .On(7, 3).Recur("More needles inside the fence the next morning.", "Clean Streets daily sweep", Streets)
                .On(7, 10).Complete("prune", "Bushes cut back to knee height around the fence.")
                .On(7, 16).Complete("sweep", "Daily sweeps for two weeks; nothing found on the last six.")
                .Complete("outreach", "Six evening visits; nobody seen using the area since the pruning.")
                .Review(6, Rag.Green, "Clear. Move to Hold.")
                .Advance()
                .Plan("weekly", Team.CleanStreets, "Weekly sharps check of the play area", 35)
                .Plan("bin", Team.EnvironmentalEnforcement, "Fit a sharps disposal bin near the play area entrance", 28)
                .On(6, 20).Complete("weekly", "Weekly checks: clear.")
                .Complete("bin", "Sharps bin fitted by the entrance.")
                .Review(5, Rag.Green, "Holding.", 2)
                .Review(3, Rag.Green, "Holding. Keep the weekly checks going.", 2)
                .Plan("weekly-again", Team.CleanStreets, "Weekly sharps check of the play area", 35)
                .On(2, 12).Complete("weekly-again", "Clear at every check.")
                .Review(1, Rag.Green, "Clear for five months.", 2));

        yield return new Story("burr-street-car-park-camera", 7, 9,
            "No camera covering the Burr Street car park exit",
            "Cars broken into at the Burr Street car park, all at the exit end, which no camera covers.",
            Cctv, Risk.Medium, Place("Burr Street car park, exit onto Burr Street", 51.8870, -0.4116),
            s => s
                .Plan("patrol", Team.HighTownPolice, "Patrols of the car park exit in the evenings", 21)
                .Plan("lighting", Team.StreetLighting, "Check the lighting at the car park exit", 14)
                .On(7, 15).Complete("lighting", "Two floodlights out; both repaired.")
                .On(7, 24).Complete("patrol", "Patrols on fourteen evenings; no break-ins in that time.")
                .Review(6, Rag.Green, "No break-ins since the lights were fixed. Move to Hold.")
                .Advance()
                .Plan("watch", Team.HighTownPolice, "Watch the crime reports for the car park each month", 56)
                .On(5, 20).Complete("watch", "No vehicle crime reported at the car park in two months.")
                .Review(4, Rag.Green, "Holding. Make it last with a camera.")
                .Advance()
                .Plan("camera", Team.EnvironmentalEnforcement, "Install a camera covering the car park exit", 90)
                .Review(2, Rag.Green, "Camera approved.")
                .RescheduleAhead("camera", 30, "The contractor has booked the installation.")
                .Review(0, Rag.Green, "Installation booked.", 2));

        yield return new Story("hitchin-road-bus-shelter", 4, 3,
            "Groups gathering at the Hitchin Road bus shelter late at night",
            "Reports of groups gathering at the bus shelter on Hitchin Road late at night, with noise and broken glass.",
            Other, Risk.Low, Place("Bus shelter on Hitchin Road near High Town Road", 51.8866, -0.4097),
            s => s
                .Plan("visits", Team.HighTownPolice, "Evening visits to the shelter over four weeks", 28)
                .Plan("glass", Team.CleanStreets, "Sweep the glass at the shelter", 2)
                .On(4, 4).Complete("glass", "Swept; a small amount of bottle glass.")
                .On(4, 24).Complete("visits", "Six evening visits found nobody gathering and no damage.")
                .Review(3, Rag.Green, "Nothing found in four weeks and no further reports.")
                .Close(Outcome.NoFurtherAction, "Six evening visits found no gathering or damage, and there have been no further "
                    + "reports. No pattern to act on; report it again if it returns."));

        yield return new Story("north-street-cut-through", 6, -4,
            "Overgrown vegetation hiding the cut-through to North Street",
            "Trees and shrubs either side of the footpath from High Town Road to North Street have grown over it, so the path "
            + "cannot be seen from either end. People avoid it after dark.",
            Vegetation, Risk.Medium, Place("Footpath from High Town Road to North Street", 51.8869, -0.4148),
            s => s
                .Plan("owner", Team.Housing, "Confirm who owns the strips either side of the footpath", 14)
                .Plan("cut", Team.CleanStreets, "Cut back the trees and shrubs to open up the view along the path", 21)
                .On(6, -1).Complete("owner", "Both strips are Housing land.")
                .Review(6, Rag.Amber, "Cutting booked.")
                .On(6, 10).Complete("cut", "Crowns lifted and shrubs cut to a metre; the path can be seen end to end.")
                .Review(5, Rag.Green, "Open again. Move to Hold.")
                .Advance()
                .Plan("cut-cycle", Team.CleanStreets, "Cut back the shrubs every eight weeks", 56)
                .Plan("pick", Team.CommunityVolunteers, "Litter pick along the path with the North Street residents", 28)
                .On(4, 8).Complete("pick", "Twelve volunteers; nine bags collected.")
                .On(4, 20).Complete("cut-cycle", "Cut on schedule.")
                .Plan("cut-cycle-again", Team.CleanStreets, "Cut back the shrubs every eight weeks", 56)
                .Review(3, Rag.Green, "Holding.", 2)
                .Review(1, Rag.Green, "Holding. Next cut due.")
                .On(1, 3).Complete("cut-cycle-again", "Cut on schedule.")
                .PlanAhead("cut-cycle-3", Team.CleanStreets, "Cut back the shrubs every eight weeks", 30)
                .Review(0, Rag.Green, "Holding.", 2));

        yield return new Story("high-town-road-shutters", 6, 10,
            "Graffiti on the shop shutters along High Town Road",
            "Tags on most of the shop shutters on the High Town Road parade, worst on the empty units. The parade looks "
            + "neglected at night.",
            Graffiti, Risk.Low, Place("Shop parade, High Town Road", 51.8836, -0.4148),
            s => s
                .Plan("remove", Team.CleanStreets, "Remove the graffiti from the shutters, with the shop owners' consent", 21)
                .On(6, 24).Complete("remove", "Eleven shutters cleaned; two owners cleaned their own.")
                .Review(5, Rag.Green, "Clean. Move to Hold.")
                .Advance()
                .Plan("checks", Team.CleanStreets, "Monthly check of the parade, removing new tags", 35)
                .Plan("art", Team.CommunityVolunteers, "Shutter art with the shop owners and a local artists' group", 120, Phase.Build)
                .On(4, 9).Complete("checks", "One new tag, removed.")
                .Review(3, Rag.Green, "Holding. Shutter art being planned.", 2)
                .Review(1, Rag.Green, "Holding. Artists have met four shop owners.", 2));

        yield return new Story("brunswick-street-flats-stairwell", 6, -3,
            "Drug litter in the stairwell of the Brunswick Street flats",
            "Needles and foil in the communal stairwell of the Brunswick Street flats. The door-entry system is broken, so "
            + "the stairwell is open to anyone.",
            DrugLitter, Risk.High, Place("Communal stairwell, Brunswick Street flats", 51.8859, -0.4104),
            s => s
                .Plan("clean", Team.Housing, "Deep clean of the stairwell and sharps removal", 3)
                .Plan("door", Team.Housing, "Repair the door-entry system", 21)
                .Plan("outreach", Team.AzaleaOutreach, "Outreach visits to the block", 14)
                .On(6, -2).Complete("clean", "Stairwell cleaned; sharps removed.")
                .Review(6, Rag.Red, "Door still broken. Drug use continues.")
                .On(6, 8).Complete("outreach", "Four visits; support offered.")
                .On(6, 20).Reschedule("door", 21, "The door-entry part is on back order.")
                .Review(5, Rag.Amber, "Door repair delayed by parts; drug litter down since outreach.")
                .Review(4, Rag.Amber, "Door still not fixed. Move to Hold anyway: the harm has stopped and the door is the "
                    + "lasting fix.")
                .Advance("The door-entry repair is delayed by parts, but the stairwell has been clear for six weeks; the repair "
                    + "carries over into Hold.")
                .Plan("checks", Team.Housing, "Weekly stairwell check by the caretaker", 42)
                .On(4, 12).Complete("door", "Door-entry system repaired; fobs reissued to all flats.")
                .On(4, 24).Complete("checks", "Weekly checks: clear.")
                .Review(3, Rag.Green, "Holding.")
                .Plan("checks-again", Team.Housing, "Weekly stairwell check by the caretaker", 42)
                .On(3, 20).Complete("checks-again", "Weekly checks: clear.")
                .Review(2, Rag.Green, "Holding.", 2)
                .Review(0, Rag.Green, "Clear since the door was fixed.", 2));

        yield return new Story("brunswick-street-vehicle", 6, 2,
            "Abandoned van on Brunswick Street",
            "An untaxed van with flat tyres and a smashed window parked on Brunswick Street for over a month, now full of rubbish.",
            Other, Risk.Low, Place("Brunswick Street, near the junction with Wenlock Street", 51.8856, -0.4110),
            s => s
                .Plan("notice", Team.EnvironmentalEnforcement, "Put an abandoned vehicle notice on the van", 3)
                .On(6, 3).Complete("notice", "Notice fixed; seven days to remove.")
                .Plan("remove", Team.EnvironmentalEnforcement, "Remove the van if it is still there after the notice", 14)
                .On(6, 14).Complete("remove", "Van removed to the pound.")
                .Review(5, Rag.Green, "Van gone.")
                .Close(Outcome.Resolved, "The van was removed after the notice expired."));

        yield return new Story("camera-12-high-town-road", 5, -2,
            "CCTV camera 12 on High Town Road not recording",
            "Camera 12, covering the High Town Road junction with Wenlock Street, has not recorded for three weeks. Two "
            + "incidents at the junction could not be reviewed.",
            Cctv, Risk.High, Place("CCTV camera 12, High Town Road at Wenlock Street", 51.8846, -0.4135),
            s => s
                .Plan("power", Team.StreetLighting, "Restore the power feed to camera 12, which shares lamp column 12's supply", 7)
                .Plan("recorder", Team.HighTownPolice, "Check the recorder and the link to the control room", 14)
                .On(5, -1).Complete("power", "Feed restored; the column's cut-out had failed.")
                .Reassign("recorder", Team.EnvironmentalEnforcement, "Camera contract manager")
                .Note("Reassigned: the council's camera contract is run by Enforcement, not the police.")
                .Review(5, Rag.Amber, "Power back; recording not yet confirmed.")
                .On(5, 6).Complete("recorder", "Recorder replaced by the contractor; recording confirmed in the control room.")
                .Criterion("recording", "Camera recording every day for four weeks")
                .On(4, -1).Met("recording", "Control room confirms four weeks of continuous recording.")
                .Review(4, Rag.Green, "Recording. Close.")
                .Close(Outcome.Resolved, "Camera 12 has recorded every day for four weeks since the power feed and recorder were fixed."));

        yield return new Story("brunswick-street-garage-fire", 5, 7,
            "Burnt-out garage block off Brunswick Street",
            "A block of six garages off Brunswick Street was damaged by fire. The roof is partly down and the block is open.",
            Derelict, Risk.Medium, Place("Garage block off Brunswick Street", 51.8864, -0.4101),
            s => s
                .Plan("fence", Team.Housing, "Fence off the burnt-out garages", 3)
                .Plan("asbestos", Team.Housing, "Asbestos survey of the roof", 21)
                .On(5, 8).Complete("fence", "Heras fencing around the block.")
                .On(5, 22).Complete("asbestos", "Asbestos in the roof sheets; removal booked.")
                .Plan("removal", Team.Housing, "Licensed removal of the roof sheets", 21)
                .Review(4, Rag.Amber, "Asbestos removal booked.")
                .On(4, 16).Complete("removal", "Roof sheets removed by a licensed contractor.")
                .Review(3, Rag.Green, "Safe. Move to Hold while Housing decides whether to rebuild or demolish.")
                .Advance()
                .Plan("inspect", Team.Housing, "Fortnightly check of the fencing", 42)
                .PlanAhead("decision", Team.Housing, "Decide whether to rebuild or demolish the garages", 120, Phase.Build)
                .On(3, 20).Complete("inspect", "Fencing intact at each check.")
                .Review(2, Rag.Green, "Holding.", 2)
                .Review(0, Rag.Green, "Holding; Housing's decision is due in the spring.", 2));

        yield return new Story("burr-street-footpath-tags", 5, 12,
            "Graffiti tags along the Burr Street footpath walls",
            "Repeated tags on the garden walls along the Burr Street footpath.",
            Graffiti, Risk.Low, Place("Footpath off Burr Street", 51.8872, -0.4126),
            s => s
                .Plan("remove", Team.CleanStreets, "Remove the tags from the footpath walls", 14)
                .On(5, 24).Complete("remove", "Tags removed from eight walls.")
                .Review(4, Rag.Green, "Clean. Move to Hold.")
                .Advance()
                .Plan("kit", Team.CommunityVolunteers, "Residents' graffiti removal kit and a rota for the footpath", 28)
                .On(3, 8).Complete("kit", "Kit handed to the residents' association; rota agreed.")
                .Review(2, Rag.Green, "Holding; residents removing tags within days.", 2)
                .Review(0, Rag.Green, "Holding.", 2));

        yield return new Story("high-town-road-street-drinking", 4, -6,
            "Street drinking on the benches at the High Town Road shops",
            "Groups drinking on the benches by the High Town Road shops from late morning, with litter and urinating in "
            + "doorways.",
            Other, Risk.Medium, Place("Benches by the High Town Road shops", 51.8838, -0.4146),
            s => s
                .Plan("patrol", Team.HighTownPolice, "Daytime patrols, using the public spaces protection order on alcohol", 21)
                .Plan("outreach", Team.AzaleaOutreach, "Outreach to people drinking at the benches", 14)
                .Plan("litter", Team.CleanStreets, "Extra litter collection at the benches", 7)
                .On(4, -5).Complete("litter", "Extra collection added on the morning round.")
                .Review(4, Rag.Red, "Daily drinking continues.")
                .On(4, 8).Complete("outreach", "Five visits; two people engaged with the alcohol service.")
                .On(4, 15).Complete("patrol", "Patrols on twelve days; alcohol seized eight times.")
                .Review(3, Rag.Amber, "Reduced. Move to Hold with lighter patrols.")
                .Advance()
                .Plan("patrol-hold", Team.HighTownPolice, "Twice-weekly patrols at the benches", 28)
                .Plan("outreach-hold", Team.AzaleaOutreach, "Fortnightly outreach at the benches", 28)
                .On(3, 20).Complete("patrol-hold", "Patrols twice a week; drinking seen on two occasions.")
                .Review(2, Rag.Amber, "Holding, but it could slip. Outreach to move to lunchtimes, when drinking peaks.")
                .Cancel("outreach-hold", "Replaced by lunchtime outreach, when most of the drinking happens.")
                .Plan("outreach-again", Team.AzaleaOutreach, "Fortnightly outreach at the benches", 21)
                .Review(1, Rag.Amber, "Outreach this month not yet reported.")
                .Review(0, Rag.Amber, "Azalea to report on outreach at the next meeting."));

        yield return new Story("north-street-empty-house", 3, -4,
            "Empty house on North Street open to the weather and entered",
            "An empty terraced house on North Street has a broken back door and missing roof slates. Neighbours report people "
            + "going in at night.",
            Derelict, Risk.Medium, Place("Empty house, North Street", 51.8876, -0.4139),
            s => s
                .Plan("secure", Team.EnvironmentalEnforcement, "Require the owner to secure the back door", 14)
                .Plan("visit", Team.HighTownPolice, "Check the house is empty and safe", 7)
                .On(3, -3).Complete("visit", "House empty; signs of entry at the back.")
                .Reassign("secure", Team.Housing, "Empty homes officer")
                .Note("Moved to Housing: the empty homes officer already has a file on this house.")
                .Review(3, Rag.Red, "Still open. Housing to act through the empty homes process.")
                .Plan("notice", Team.Housing, "Serve notice on the owner to repair the roof and secure the house", 21)
                .On(3, 9).Complete("secure", "Back door boarded by the owner.")
                .Review(2, Rag.Amber, "Secured, but the roof still lets in rain. Notice overdue.")
                .Review(1, Rag.Amber, "Notice still not served.")
                .Review(0, Rag.Red, "Notice still not served. Housing to give a date."));

        yield return new Story("old-bedford-road-layby", 3, 6,
            "Fly-tipping in the Old Bedford Road lay-by",
            "Builders' waste and tyres dumped in the lay-by on Old Bedford Road, two or three times a month.",
            FlyTipping, Risk.Medium, Place("Lay-by on Old Bedford Road", 51.8906, -0.4183),
            s => s
                .Plan("clear", Team.CleanStreets, "Clear the lay-by", 3)
                .Plan("camera", Team.EnvironmentalEnforcement, "Put a redeployable camera on the lay-by", 28)
                .On(3, 8).Complete("clear", "Cleared: rubble, plasterboard and six tyres.")
                .On(2, -1).Complete("camera", "Camera up; one van identified and passed to investigation.")
                .Review(2, Rag.Amber, "Camera working. Keep it there another month.")
                .Plan("block", Team.EnvironmentalEnforcement, "Ask highways about narrowing the lay-by entrance", 35)
                .On(1, 5).Recur("Tyres dumped again at the far end, out of the camera's view.", "Clean Streets round", Streets)
                .Plan("clear-again", Team.CleanStreets, "Clear the tyres", 3)
                .On(1, 6).Complete("clear-again", "Tyres cleared.")
                .Cancel("block", "Highways will not narrow the lay-by: buses use it to wait.")
                .Review(0, Rag.Amber, "Still in Clear. Move the camera to cover the far end."));

        yield return new Story("old-bedford-road-flicker", 3, 12,
            "Street lights flickering on Old Bedford Road near the railway bridge",
            "Several lamps on Old Bedford Road near the railway bridge flicker and go out for minutes at a time.",
            StreetLighting, Risk.Low, Place("Old Bedford Road, south of the railway bridge", 51.8885, -0.4180),
            s => s
                .Plan("test", Team.StreetLighting, "Test the lamps and replace faulty photocells", 14)
                .On(2, -2).Complete("test", "Three photocells replaced.")
                .Review(2, Rag.Green, "Fixed. Move to Hold.")
                .Advance()
                .Plan("inspect", Team.StreetLighting, "Night inspection next month", 28, assignee: "Night inspection crew")
                .On(2, 20).Complete("inspect", "All steady.")
                .Review(1, Rag.Green, "Holding.")
                .On(0, 3).Note("Night scout: all lamps near the bridge steady.", Lighting));

        yield return new Story("midland-road-station-path", 2, 5,
            "Dark footpath from Midland Road to the station's north entrance",
            "The footpath from Midland Road to the railway station's north entrance has two dead lamps and no light at the "
            + "bend. Commuters report feeling unsafe on winter evenings.",
            StreetLighting, Risk.High, Place("Footpath from Midland Road to the station's north entrance", 51.8823, -0.4143),
            s => s
                .Plan("repair", Team.StreetLighting, "Repair the two dead lamps on the station footpath", 14)
                .Plan("patrol", Team.HighTownPolice, "Evening patrols on the footpath at commuter times", 21)
                .On(2, 12).Reschedule("repair", 21, "Both lamps need new columns; the columns are on order.", Lighting)
                .Review(1, Rag.Red, "Still dark. Columns on order.")
                .Complete("patrol", "Patrols on ten evenings at commuter times.")
                .PlanAhead("bend", Team.StreetLighting, "Design an extra column for the bend in the path", 60, Phase.Build)
                .Review(0, Rag.Red, "The columns have still not arrived."));

        yield return new Story("hitchin-road-column", 2, -5,
            "Lamp column knocked down at the Hitchin Road junction with High Town Road",
            "A lamp column was knocked down in a collision at the Hitchin Road junction with High Town Road. The junction is "
            + "dark and the stump is a trip hazard.",
            StreetLighting, Risk.Medium, Place("Junction of Hitchin Road and High Town Road", 51.8862, -0.4102),
            s => s
                .Plan("safe", Team.StreetLighting, "Make the stump safe", 1)
                .Plan("replace", Team.StreetLighting, "Replace the lamp column", 28)
                .On(2, -4).Complete("safe", "Stump cut down and capped.")
                .Review(2, Rag.Amber, "Safe. Replacement column on order.")
                .On(2, 20).Reschedule("replace", 56, "Eight-week lead time on the column.", Lighting)
                .Review(1, Rag.Amber, "Waiting for the column."));

        yield return new Story("midland-road-car-park-stairwell", 2, 1,
            "Needles in the stairwell of the Midland Road car park",
            "Needles and drug litter in the east stairwell of the multi-storey car park on Midland Road, used by people "
            + "walking to the station.",
            DrugLitter, Risk.High, Place("East stairwell, Midland Road car park", 51.8829, -0.4155),
            s => s
                .Plan("sweep", Team.CleanStreets, "Sharps sweep of the east stairwell", 2)
                .Plan("patrol", Team.HighTownPolice, "Patrols of the stairwell in the evenings", 14)
                .Plan("outreach", Team.AzaleaOutreach, "Outreach visits to the car park", 14)
                .On(2, 2).Complete("sweep", "Twenty needles removed.")
                .On(2, 13).Complete("outreach", "Four visits; one referral to the drug service.")
                .Review(1, Rag.Red, "Still needles every week. Police patrols overdue.")
                .Plan("lighting", Team.StreetLighting, "Brighter lighting in the east stairwell", 28)
                .Plan("sweep-weekly", Team.CleanStreets, "Weekly sharps sweep of the east stairwell", 28)
                .On(1, 6).Complete("sweep-weekly", "Swept; eight needles.")
                .Review(0, Rag.Red, "Patrols still not reported. Chase the neighbourhood team."));

        yield return new Story("camera-obstructed", 1, 9,
            "Tree blocking the camera at the Midland Road junction with Old Bedford Road",
            "The camera at the Midland Road junction with Old Bedford Road can no longer see the crossing because a street "
            + "tree has grown across its view.",
            Cctv, Risk.Low, Place("Junction of Midland Road and Old Bedford Road", 51.8834, -0.4166),
            s => s
                .Plan("prune", Team.CleanStreets, "Prune the tree clear of the camera's view", 21)
                .Review(0, Rag.Amber, "Pruning booked."));

        yield return new Story("north-street-alley", 1, 2,
            "Dumping and dark corners in the alley off North Street",
            "The alley off North Street behind the terraces collects dumped bags, and two corners are hidden from the street.",
            Alleyway, Risk.Medium, Place("Alley off North Street", 51.8879, -0.4146),
            s => s
                .Plan("clear", Team.CleanStreets, "Clear the dumped bags", 3)
                .Plan("letters", Team.EnvironmentalEnforcement, "Write to the houses backing onto the alley about bin days", 14)
                .On(1, 3).Complete("clear", "Nine bags cleared.")
                .PlanAhead("mirror", Team.Housing, "Fit a mirror at the blind corner", 21)
                .Review(0, Rag.Amber, "Cleared; letters overdue."));

        yield return new Story("midland-road-bus-stop-vegetation", 0, 2,
            "Overgrown shrubs hiding the Midland Road bus stop",
            "Shrubs beside the Midland Road bus stop have grown over the timetable and hide people waiting from the road.",
            Vegetation, Risk.Low, Place("Bus stop on Midland Road", 51.8831, -0.4137),
            s => s
                .PlanAhead("cut", Team.CleanStreets, "Cut back the shrubs at the bus stop", 14)
                .Note("Reported at the tenants' meeting; Clean Streets will cut back on the next round."));
    }
}
