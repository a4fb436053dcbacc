using Octans.Api.ReferenceData;
using Octans.Domain;

namespace Octans.Benchmarks;

public sealed record GeneratedHistory(Guid ProblemId, IReadOnlyList<IProblemEvent> Events);

/// <summary>
/// One problem's history as a partnership would have written it: reported, then between 40 and 160 steps of planning,
/// completing and rescheduling actions, notes, monthly reviews, exit criteria, recurrences and phase moves, and for a
/// third of them a close. Every step is put to <see cref="ProblemDecisions"/> at its own instant, so a refused step is
/// skipped just as the app would have refused it. The same seed gives the same history.
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

    public static GeneratedHistory Decide(NationalArea area, int number, DateTimeOffset now, Random random)
    {
        var id = NewId(random);
        var street = Streets[random.Next(Streets.Length)];
        var kind = Kinds[random.Next(Kinds.Length)];
        var steps = random.Next(40, 161);
        var reportedAt = now.AddDays(-random.Next(60, 730)).AddMinutes(-random.Next(0, 600));
        var gap = (now.AddDays(-1) - reportedAt) / (steps + 1);

        var events = new List<IProblemEvent>(steps + 8);
        var report = ProblemDecisions.Decide(new ReportProblem(id, $"{area.Code}-{number:0000}", string.Format(kind.Title, street),
            $"Reported by residents and the neighbourhood team: {string.Format(kind.Title, street).ToLowerInvariant()}. It has gone on for weeks.",
            kind.Category, area.Name, (Risk)random.Next(3),
            new Location($"{street}, {area.Name}", 51.88 + random.NextDouble() / 50, -0.41 - random.NextDouble() / 50, null, null, area.Name)),
            Coordinator, reportedAt);
        events.AddRange(report.Events);
        var problem = Problem.From((ProblemReported)report.Events[0]);

        var at = reportedAt;
        var closes = random.NextDouble() < 0.33;
        for (var step = 0; step < steps; step++)
        {
            at += gap * (0.5 + random.NextDouble());
            if (at > now.AddHours(-1)) break;
            var decision = NextStep(problem, area, kind.Action, street, at, random);
            if (decision is null || decision.IsRefused) continue;
            foreach (var e in decision.Events)
            {
                problem.Play(e);
                events.Add(e);
            }
        }

        if (closes && problem.Status == ProblemStatus.Open)
        {
            var close = ProblemDecisions.Decide(problem, new CloseProblem((Outcome)random.Next(4),
                "Nothing reported for three months and the partners agree the place is back to normal."), Coordinator, at.AddMinutes(5));
            if (!close.IsRefused) events.AddRange(close.Events);
        }
        return new GeneratedHistory(id, events);
    }

    private static Decision? NextStep(Problem problem, NationalArea area, string action, string street, DateTimeOffset at, Random random)
    {
        var today = London.Today(at);
        var open = problem.Actions.Where(a => a.Status == ActionStatus.Open).ToList();
        var roll = random.NextDouble();
        var team = area.Teams[random.Next(area.Teams.Count)];
        var member = new Actor(team.Id, team.Name);

        if (roll < 0.30 || open.Count == 0 && roll < 0.55)
            return ProblemDecisions.Decide(problem, new PlanAction(NewId(random), string.Format(action, street), team.Id,
                today.AddDays(random.Next(7, 60)), null, random.NextDouble() < 0.3 ? "Night crew" : null), Coordinator, at);
        if (roll < 0.55)
        {
            var done = open[random.Next(open.Count)];
            return ProblemDecisions.Decide(problem, new CompleteAction(done.Id, "Done on the round; checked again the next morning."),
                new Actor(done.TeamId, "Team member"), at);
        }
        if (roll < 0.75)
            return ProblemDecisions.Decide(problem, new AddNote($"Visited {street} on the evening patrol; reported back to the partnership."),
                random.NextDouble() < 0.5 ? Coordinator : member, at);
        if (roll < 0.83)
            return ProblemDecisions.Decide(problem, new RecordReview(today, (Rag)random.Next(3),
                "Reviewed at the monthly tasking meeting; keep going with the plan.", today.AddDays(28)), Coordinator, at);
        if (roll < 0.88 && open.Count > 0)
        {
            var late = open[random.Next(open.Count)];
            return ProblemDecisions.Decide(problem, new RescheduleAction(late.Id, today.AddDays(random.Next(7, 30)),
                "The contractor needs another visit."), member, at);
        }
        if (roll < 0.92)
            return ProblemDecisions.Decide(problem, new AddExitCriterion(NewId(random), null,
                "Two clean inspections in a row"), Coordinator, at);
        if (roll < 0.95 && problem.ExitCriteria.FirstOrDefault(c => !c.Met) is { } criterion)
            return ProblemDecisions.Decide(problem, new MeetExitCriterion(criterion.Id, "Inspected twice; clean both times."), Coordinator, at);
        if (roll < 0.97 && problem.Phase != Phase.Build)
            return ProblemDecisions.Decide(problem, new AdvancePhase(open.Count > 0 ? "The partners agreed to move on at the meeting." : null),
                Coordinator, at);
        return ProblemDecisions.Decide(problem, new LogRecurrence(today, $"Seen again on {street}.", "Resident report"), member, at);
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
