using Octans.Domain;
using Octans.Testing;

namespace Octans.Reports.Tests.MonthlyPacks;

/// <summary>
/// A busy year in High Town to October 2026: a problem reported every three days on its streets, each worked with
/// actions for the partner teams, a review, an exit criterion and a move to Hold, with some left late, noted, recurring,
/// moved back or closed. Enough for the board and the problem sections to run over many pages.
/// </summary>
internal static class BusyArea
{
    private static readonly string[] Streets =
    [
        "High Town Road", "Wenlock Street", "Brunswick Street", "Burr Street", "Hitchin Road", "Midland Road",
        "Old Bedford Road", "North Street", "Cobden Street", "Havelock Road", "Back Street", "Taylor Street",
    ];

    private static readonly (string Category, string Title, string Clear, string Hold)[] Kinds =
    [
        ("Street lighting", "Street lights out on {0}", "Repair the dark columns", "Night re-inspection of the columns"),
        ("Fly-tipping", "Fly-tipping in the service road off {0}", "Clear the fly-tipping", "Re-inspect for fresh dumping"),
        ("Drug litter", "Needles found in the planters on {0}", "Sweep the planters for needles", "Weekly outreach check"),
        ("Graffiti", "Tagging on the shutters along {0}", "Clean the tags off the shutters", "Check the shutters fortnightly"),
        ("Overgrown vegetation", "Hedges blocking sight lines on {0}", "Cut back the hedges", "Residents' street watch rota"),
    ];

    public static IReadOnlyList<IReadOnlyList<IProblemEvent>> Histories(int problems = 120)
    {
        var first = new DateTimeOffset(2025, 11, 3, 9, 0, 0, TimeSpan.Zero);
        var teams = KnownArea.Teams;
        var histories = new List<IReadOnlyList<IProblemEvent>>(problems);
        for (var n = 1; n <= problems; n++)
        {
            var at = first.AddHours(70 * n);
            var today = London.Today(at);
            var street = Streets[n % Streets.Length];
            var kind = Kinds[n % Kinds.Length];
            var problem = ProblemScript.Report($"HT-{n:0000}", string.Format(kind.Title, street), at, "High Town", kind.Category,
                (Risk)(n % 3), $"{street}, High Town");

            var clear = problem.Plan(kind.Clear, teams[n % teams.Count].Id, today.AddDays(10), at.AddHours(1));
            problem.Plan("Letters to the neighbouring businesses", teams[(n + 2) % teams.Count].Id, today.AddDays(20), at.AddHours(1));
            var criterion = problem.AddCriterion("No fresh harm for four weeks", at.AddHours(2));
            problem.Review((Rag)(n % 3), "Keep the current actions going and review next month.", at.AddDays(2), today.AddDays(30));
            if (n % 5 == 0)
                problem.Note("Site visited with the council officer; clearer than at the last visit.", at.AddDays(3));
            if (n % 4 != 0)
                problem.Complete(clear, "Done as planned; photographs on the shared drive.", at.AddDays(5));
            if (n % 3 != 0)
                problem.Meet(criterion, "Inspection records attached.", at.AddDays(6));
            var advanced = n % 6 != 0;
            if (advanced)
            {
                problem.Advance(at.AddDays(7), "The remaining actions carry on in Hold.");
                problem.Plan(kind.Hold, teams[(n + 4) % teams.Count].Id, today.AddDays(30), at.AddDays(7).AddHours(1));
            }
            if (advanced && n % 7 == 0)
                problem.Recurred("The problem was seen again at the place.", London.Today(at.AddDays(8)), at.AddDays(8), "Ward councillor");
            if (advanced && n % 14 == 0)
                problem.Revert("It came back after the last inspection.", at.AddDays(8).AddHours(1));
            if (n % 5 == 1)
                problem.Close((Outcome)(n % 4), "Work complete; the place is in residents' hands.", at.AddDays(9));
            histories.Add(problem.Events);
        }
        return histories;
    }
}
