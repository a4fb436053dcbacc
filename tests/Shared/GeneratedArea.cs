using Octans.Api.ReferenceData;
using Octans.Domain;

namespace Octans.Testing;

/// <summary>
/// A made-up but plausible area: problems on real High Town streets reported over the year before a month, each
/// worked through Clear, Hold and Build with actions for every team, reviews at monthly meetings, notes, some
/// overrides, recurrences, reverts, overdue actions and closures. The same arguments always give the same history.
/// </summary>
public static class GeneratedArea
{
    private static readonly string[] Streets =
    [
        "High Town Road", "Wenlock Street", "Brunswick Street", "Burr Street", "Hitchin Road", "Midland Road",
        "Old Bedford Road", "North Street", "Cobden Street", "Havelock Road", "Back Street", "Taylor Street",
        "Duke Street", "Charles Street", "Ashton Road", "Wenlock Street car park",
    ];

    private static readonly (string Category, string[] Titles)[] Kinds =
    [
        ("Street lighting", ["Street lights out on {0}", "Dark stretch under the railway bridge on {0}", "Flickering columns along {0}"]),
        ("Alleyway", ["Alley behind {0} used for drug dealing at night", "Rubbish and needles in the alley off {0}"]),
        ("Derelict site or building", ["Derelict shop front on {0}", "Empty yard on {0} broken into again", "Boarded-up house on {0} open to the weather"]),
        ("Fly-tipping", ["Fly-tipping in the service road off {0}", "Mattresses dumped at the end of {0}"]),
        ("Drug litter", ["Drug litter in the stairwell by {0}", "Needles found in the planters on {0}"]),
        ("Graffiti", ["Tagging on the shutters along {0}", "Graffiti on the underpass at {0}"]),
        ("Overgrown vegetation", ["Overgrown footpath from {0} to the station", "Hedges blocking sight lines on {0}"]),
        ("CCTV", ["Camera at {0} pointing at a wall", "No CCTV cover on the corner of {0}"]),
    ];

    private static readonly (Guid Team, string[] Clear, string[] Hold, string[] Build)[] Work =
    [
        (Team.StreetLighting.Id, ["Repair the faulty columns", "Replace the blown lanterns"], ["Night re-inspection of the columns", "Check outage reports weekly"], ["Upgrade the columns to LED", "Add a column at the dark corner"]),
        (Team.CleanStreets.Id, ["Clear the fly-tipping and drug litter", "Deep clean of the alley"], ["Fortnightly scheduled cleanse", "Cut back the vegetation"], ["Plant and maintain the beds with residents"]),
        (Team.EnvironmentalEnforcement.Id, ["Trace the owner and serve a notice", "Enforcement visit to the businesses nearby"], ["Re-inspect for fresh dumping", "Follow up the notice on the owner"], ["Agree a waste plan with the businesses"]),
        (Team.Housing.Id, ["Secure the empty property", "Board up the broken windows"], ["Monthly inspection of the property"], ["Bring the property back into use"]),
        (Team.HighTownPolice.Id, ["Targeted patrols at the hotspot", "Closure order on the premises"], ["Evening patrols twice a week", "Watch for displacement to nearby streets"], ["Community safety walkabout with residents"]),
        (Team.AzaleaOutreach.Id, ["Outreach visits at the site", "Offer support sessions nearby"], ["Weekly outreach check"], ["Hand over to the drop-in service"]),
        (Team.CommunityVolunteers.Id, ["Litter pick with volunteers"], ["Residents' street watch rota"], ["Alley garden with residents", "Mural on the underpass with young people"]),
    ];

    private static readonly string[] Notes =
    [
        "Site visited with the council officer; clearer than at the last visit.",
        "Residents at the ward surgery say the stretch feels safer after dark.",
        "Owner contacted through the land registry; a reply is awaited.",
        "Fresh bags found by the bins; photographed and passed to enforcement.",
        "Patrols saw no gathering on the last three evenings.",
        "Lighting engineer confirms parts are on order.",
    ];

    private static readonly string[] Decisions =
    [
        "Keep the current actions going and review next month.",
        "Good progress; start planning for Hold.",
        "Not enough change yet; step up the patrols.",
        "Ask the owner to attend the next meeting.",
        "Evidence for the exit criteria looks close; gather photographs.",
    ];

    /// <summary>
    /// Problems reported from about a year before <paramref name="month"/> to its middle; about
    /// <paramref name="actions"/> actions in all. Nothing is dated after the month's cutoff.
    /// </summary>
    public static IReadOnlyList<ProblemScript> Create(PackMonthDates month, int problems, int actions, int seed = 20261027,
        string area = "High Town", string code = "HT")
    {
        var random = new Random(seed);
        var start = month.Start.AddMonths(-12);
        var end = month.Cutoff.AddHours(-1);
        var reported = Enumerable.Range(0, problems)
            .Select(_ => start.AddMinutes(random.Next((int)(end - start).TotalMinutes)))
            .ToList();
        // Actions are shared out by how long each problem has been open.
        var lifetimes = reported.Select(at => (end - at).TotalDays).ToList();
        var perDay = actions / lifetimes.Sum();
        var scripts = new List<ProblemScript>(problems);
        for (var n = 1; n <= problems; n++)
        {
            var kind = Kinds[random.Next(Kinds.Length)];
            var street = Streets[random.Next(Streets.Length)];
            var reportedAt = reported[n - 1];
            var script = ProblemScript.Report(
                $"{code}-{n:0000}", string.Format(kind.Titles[random.Next(kind.Titles.Length)], street), reportedAt, area, kind.Category,
                (Risk)random.Next(3), $"{street}, {code switch { "HT" => "High Town", _ => area }}");
            Live(script, random, reportedAt, end, Math.Max(1, (int)Math.Round(lifetimes[n - 1] * perDay)));
            scripts.Add(script);
        }
        return scripts;
    }

    private static void Live(ProblemScript script, Random random, DateTimeOffset now, DateTimeOffset end, int actionBudget)
    {
        var open = new List<(Guid Id, DateOnly Due, Phase Phase)>();
        var criteria = new List<(Guid Id, Phase Phase)>();
        var planned = 0;
        var nextReview = now.AddDays(random.Next(10, 30));
        var willClose = random.Next(100) < 30;

        while (true)
        {
            now = now.AddHours(random.Next(18, 24 * 6));
            if (now >= end) return;
            var state = script.State;
            if (state.Status == ProblemStatus.Closed) return;
            var today = London.Today(now);
            var phase = state.Phase;

            // Most late actions are caught up within a week or two; a few run on for months.
            foreach (var late in open.Where(a => a.Due < today && random.Next(100) < 55).ToList())
            {
                script.Complete(late.Id, "Done late; the team was short of staff.", now);
                open.Remove(late);
            }

            if (now >= nextReview)
            {
                script.Review((Rag)random.Next(3), Decisions[random.Next(Decisions.Length)], now, today.AddDays(28));
                nextReview = now.AddDays(random.Next(26, 34));
                continue;
            }

            var roll = random.Next(100);
            if (criteria.All(c => c.Phase != phase) && roll < 30)
            {
                criteria.Add((script.AddCriterion(phase switch
                {
                    Phase.Clear => "No fresh dumping or drug litter for four weeks",
                    Phase.Hold => "Three months without a recurrence",
                    _ => "Residents run the upkeep with the partners",
                }, now), phase));
            }
            else if (planned < actionBudget && (open.Count(a => a.Phase == phase) < 3 || roll < 45))
            {
                var work = Work[random.Next(Work.Length)];
                var descriptions = phase switch { Phase.Clear => work.Clear, Phase.Hold => work.Hold, _ => work.Build };
                var due = today.AddDays(random.Next(5, 35));
                open.Add((script.Plan(descriptions[random.Next(descriptions.Length)], work.Team, due, now), due, phase));
                planned++;
            }
            else if (open.Count > 0 && roll < 80)
            {
                // Teams work on what is due first; about one action in ten is left to run well past its date.
                var action = open.MinBy(a => a.Due);
                if (action.Due <= today.AddDays(random.Next(0, 10)) && (action.Due > today.AddDays(-3) || random.Next(10) > 0))
                {
                    script.Complete(action.Id, "Done as planned; photographs on the shared drive.", now);
                    open.Remove(action);
                }
            }
            else if (roll is >= 80 and < 86)
            {
                script.Note(Notes[random.Next(Notes.Length)], now);
            }
            else if (roll is >= 86 and < 88 && phase != Phase.Clear)
            {
                script.Recurred("The problem was seen again at the place.", today.AddDays(-1), now, "Ward councillor");
                if (random.Next(3) == 0) script.Revert("It came back after the last inspection.", now);
            }
            else if (roll >= 88)
            {
                foreach (var criterion in criteria.Where(c => c.Phase == phase && !script.State.FindExitCriterion(c.Id)!.Met).ToList())
                    script.Meet(criterion.Id, "Photographs and inspection records attached.", now);
                var blocked = script.State.Actions.Any(a => a.Phase == phase && a.Status == ActionStatus.Open);
                if (phase == Phase.Build && willClose && !blocked)
                {
                    script.Close((Outcome)random.Next(4), "Work complete; the place is in residents' hands.", now);
                    return;
                }
                if (phase != Phase.Build && (!blocked || random.Next(4) == 0))
                {
                    script.Advance(now, blocked ? "The remaining actions carry on in the next phase." : null);
                }
            }
            open.RemoveAll(a => script.State.FindAction(a.Id)!.Status != ActionStatus.Open);
        }
    }
}

/// <summary>The start and cutoff of a month in London, without depending on Octans.Reports.</summary>
public readonly record struct PackMonthDates(DateTimeOffset Start, DateTimeOffset Cutoff)
{
    public static PackMonthDates Of(int year, int month) => new(London.StartOfMonth(year, month), London.EndOfMonth(year, month));
}
