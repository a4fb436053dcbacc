using Octans.Api.ReferenceData;
using Octans.Domain;

namespace Octans.Benchmarks;

/// <summary>
/// One problem's history as a partnership would have written it: reported, then between 40 and 160 steps of planning,
/// completing and rescheduling actions, notes, monthly reviews, exit criteria, recurrences and phase moves, and for a
/// third of them a close. Every step is tried on <see cref="ProblemHistory"/> at its own instant, so a step the app
/// would have refused is left out. The same seed gives the same history.
/// </summary>
public static class ProblemHistories
{
    public static readonly string[] Places =
    [
        "High Town", "Northfield", "Marsh Farm", "Saints", "Bury Park", "Farley Hill", "Lewsey", "Stopsley", "Round Green", "Wigmore",
        "Leagrave", "Sundon Park", "Dallow", "Biscot", "Crawley Green", "Limbury", "Barnfield", "Icknield", "South Ward", "Challney",
    ];

    private static readonly string[] Streets =
    [
        "Wenlock Street", "Burr Street", "Brunswick Street", "Hitchin Road", "Midland Road", "Old Bedford Road", "Havelock Road",
        "Back Street", "Station Approach", "Mill Street", "Church Lane", "Park Street", "Castle Street", "Albert Road",
    ];

    private static readonly (string Category, string Title, string Action)[] Kinds =
    [
        ("Street lighting", "Lamp columns dark on {0}", "Repair the failed lamps on {0}"),
        ("Alleyway", "Alley behind {0} used for drug dealing", "Clear the alley behind {0} and check the gates"),
        ("Derelict site or building", "Boarding removed at the empty shop on {0}", "Secure the empty shop on {0}"),
        ("Fly-tipping", "Fly-tipping in the service road off {0}", "Clear the dumped waste off {0}"),
        ("Drug litter", "Needles found by the bins on {0}", "Sharps sweep of the bin store on {0}"),
        ("Graffiti", "Graffiti on the underpass at {0}", "Remove the graffiti at {0}"),
        ("Overgrown vegetation", "Hedges narrowing the footpath on {0}", "Cut back the hedges along {0}"),
    ];

    private static readonly Actor Coordinator = new(new Guid("0196b000-0000-7000-8000-00000000c001"), "Partnership Coordinator");

    public static ProblemHistory Decide(NationalArea area, int number, DateTimeOffset now, Random random)
    {
        var id = NewId(random);
        var street = Streets[random.Next(Streets.Length)];
        var kind = Kinds[random.Next(Kinds.Length)];
        var steps = random.Next(40, 161);
        var reportedAt = now.AddDays(-random.Next(60, 730)).AddMinutes(-random.Next(0, 600));
        var gap = (now.AddDays(-1) - reportedAt) / (steps + 1);

        var history = ProblemHistory.Report(new ReportProblem(id, $"{area.Code}-{number:0000}", string.Format(kind.Title, street),
            $"Reported by residents and the neighbourhood team: {string.Format(kind.Title, street).ToLowerInvariant()}. It has gone on for weeks.",
            kind.Category, area.Name, (Risk)random.Next(3),
            new Location($"{street}, {area.Name}", 51.88 + random.NextDouble() / 50, -0.41 - random.NextDouble() / 50, null, null, area.Name)),
            Coordinator, reportedAt);

        var at = reportedAt;
        var closes = random.NextDouble() < 0.33;
        for (var step = 0; step < steps; step++)
        {
            at += gap * (0.5 + random.NextDouble());
            if (at > now.AddHours(-1)) break;
            var (command, by) = NextStep(history.Problem, area, kind.Action, street, at, random);
            history.Try(command, by, at);
        }

        if (closes && history.Problem.Status == ProblemStatus.Open)
            history.Try(new CloseProblem((Outcome)random.Next(4),
                "Nothing reported for three months and the partners agree the place is back to normal."), Coordinator, at.AddMinutes(5));
        return history;
    }

    private static (IProblemCommand Command, Actor By) NextStep(Problem problem, NationalArea area, string action, string street, DateTimeOffset at, Random random)
    {
        var today = London.Today(at);
        var open = problem.Actions.Where(a => a.Status == ActionStatus.Open).ToList();
        var roll = random.NextDouble();
        var team = area.Teams[random.Next(area.Teams.Count)];
        var member = new Actor(team.Id, team.Name);

        if (roll < 0.30 || open.Count == 0 && roll < 0.55)
            return (new PlanAction(NewId(random), string.Format(action, street), team.Id,
                today.AddDays(random.Next(7, 60)), null, random.NextDouble() < 0.3 ? "Night crew" : null), Coordinator);
        if (roll < 0.55)
        {
            var done = open[random.Next(open.Count)];
            return (new CompleteAction(done.Id, "Done on the round; checked again the next morning."), new Actor(done.TeamId, "Team member"));
        }
        if (roll < 0.75)
            return (new AddNote($"Visited {street} on the evening patrol; reported back to the partnership."),
                random.NextDouble() < 0.5 ? Coordinator : member);
        if (roll < 0.83)
            return (new RecordReview(today, (Rag)random.Next(3),
                "Reviewed at the monthly tasking meeting; keep going with the plan.", today.AddDays(28)), Coordinator);
        if (roll < 0.88 && open.Count > 0)
        {
            var late = open[random.Next(open.Count)];
            return (new RescheduleAction(late.Id, today.AddDays(random.Next(7, 30)), "The contractor needs another visit."), member);
        }
        if (roll < 0.92)
            return (new AddExitCriterion(NewId(random), null, "Two clean inspections in a row"), Coordinator);
        if (roll < 0.95 && problem.ExitCriteria.FirstOrDefault(c => !c.Met) is { } criterion)
            return (new MeetExitCriterion(criterion.Id, "Inspected twice; clean both times."), Coordinator);
        if (roll < 0.97 && problem.Phase != Phase.Build)
            return (new AdvancePhase(open.Count > 0 || problem.ExitCriteria.All(c => c.Phase != problem.Phase)
                ? "The partners agreed to move on at the meeting." : null), Coordinator);
        return (new LogRecurrence(today, $"Seen again on {street}.", "Resident report"), member);
    }

    private static Guid NewId(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }
}
