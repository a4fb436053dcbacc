namespace Octans.Domain.Tests;

/// <summary>The one fixture of the domain tests: a problem in High Town, the people who work on it, and assertions.</summary>
internal static class Scenario
{
    public static readonly Guid ProblemId = Guid.Parse("0199a000-0000-7000-8000-000000000007");
    public static readonly Guid OtherProblemId = Guid.Parse("0199a000-0000-7000-8000-000000000003");
    public static readonly Guid StreetLighting = Guid.Parse("0199a000-0000-7000-8000-0000000000a1");
    public static readonly Guid CleanStreets = Guid.Parse("0199a000-0000-7000-8000-0000000000a2");

    public static readonly Actor Coordinator = new(Guid.Parse("0199a000-0000-7000-8000-0000000000c1"), "Sam Coordinator");
    public static readonly Actor LightingOfficer = new(Guid.Parse("0199a000-0000-7000-8000-0000000000c2"), "Lighting Officer");

    /// <summary>A Thursday morning in November, when London is on GMT.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 12, 10, 0, 0, TimeSpan.Zero);
    public static readonly DateOnly Today = new(2026, 11, 12);
    public static readonly DateTimeOffset ReportedAt = Now.AddDays(-30);

    public static readonly Location Alley = new(
        "Alley behind 40–60 High Town Road", 51.8846, -0.4147, "100080123456", "21300123", "High Town");

    public static ProblemReported Reported { get; } = new(
        ProblemId, "HT-0007", "Fly-tipping and drug litter in the alley",
        "Repeated fly-tipping and discarded needles in the alley behind High Town Road; residents avoid it after dark.",
        "Environmental", "High Town", Risk.High, Alley, Coordinator, ReportedAt);

    public static Problem Given(params IProblemEvent[] history) => Problem.Replay([Reported, .. history]);

    public static ActionPlanned Planned(Guid actionId, Phase phase = Phase.Clear, Guid? teamId = null, DateOnly? dueOn = null) =>
        new(ProblemId, actionId, phase, $"Action {actionId.ToString()[^4..]}", teamId ?? CleanStreets, null,
            dueOn ?? Today.AddDays(14), Coordinator, ReportedAt.AddDays(1));

    public static ActionCompleted Completed(Guid actionId) =>
        new(ProblemId, actionId, "Done on site.", LightingOfficer, ReportedAt.AddDays(2));

    public static ActionCancelled Cancelled(Guid actionId) =>
        new(ProblemId, actionId, "No longer needed.", Coordinator, ReportedAt.AddDays(2));

    public static ExitCriterionAdded CriterionAdded(Guid criterionId, Phase phase = Phase.Clear) =>
        new(ProblemId, criterionId, phase, "No fly-tipping reports for four weeks", Coordinator, ReportedAt.AddDays(1));

    public static ExitCriterionMet CriterionMet(Guid criterionId) =>
        new(ProblemId, criterionId, "No reports since 1 October.", Coordinator, ReportedAt.AddDays(3));

    public static PhaseAdvanced Advanced(Phase from, Phase to, string? @override = null) =>
        new(ProblemId, from, to, @override, Coordinator, ReportedAt.AddDays(4));

    public static ProblemClosed Closed { get; } =
        new(ProblemId, Outcome.Resolved, "Alley gated and adopted by residents.", null, Coordinator, ReportedAt.AddDays(5));

    public static Guid Id(int n) => Guid.Parse($"0199a000-0000-7000-8000-{n:D12}");

    public static string Text(int length) => new('a', length);

    public static void ShouldAccept(this Decision decision, params IProblemEvent[] expected)
    {
        decision.IsRefused.ShouldBeFalse(decision.Detail);
        decision.Events.ShouldBe(expected);
    }

    public static Decision ShouldBeRefused(this Decision decision, string? field = null)
    {
        decision.IsRefused.ShouldBeTrue(decision.ToString());
        decision.IsNotFound.ShouldBeFalse();
        decision.Events.ShouldBeEmpty();
        if (field is not null)
            decision.Errors.Keys.ShouldContain(field, decision.Detail);
        return decision;
    }

    public static void ShouldBeNotFound(this Decision decision)
    {
        decision.IsRefused.ShouldBeTrue(decision.ToString());
        decision.IsNotFound.ShouldBeTrue();
        decision.Events.ShouldBeEmpty();
    }
}
