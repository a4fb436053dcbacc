using static Octans.Domain.Tests.Scenario;

namespace Octans.Domain.Tests;

public class SensitivityTests
{
    private static SensitivityChanged Marked(bool sensitive) => new(ProblemId, sensitive, Coordinator, Now.AddDays(-1));

    [Fact]
    public void A_problem_is_marked_sensitive() =>
        ProblemDecisions.Decide(Given(), new ChangeSensitivity(true), Coordinator, Now)
            .ShouldAccept(new SensitivityChanged(ProblemId, true, Coordinator, Now));

    [Fact]
    public void A_sensitive_problem_is_no_longer_marked() =>
        ProblemDecisions.Decide(Given(Marked(true)), new ChangeSensitivity(false), Coordinator, Now)
            .ShouldAccept(new SensitivityChanged(ProblemId, false, Coordinator, Now));

    [Fact]
    public void Marking_it_as_it_already_is_is_refused() =>
        ProblemDecisions.Decide(Given(Marked(true)), new ChangeSensitivity(true), Coordinator, Now)
            .ShouldBeRefused("sensitive").Detail.ShouldBe("HT-0007 is already marked sensitive.");

    [Fact]
    public void Not_saying_which_is_refused() =>
        ProblemDecisions.Decide(Given(), new ChangeSensitivity(null), Coordinator, Now).ShouldBeRefused("sensitive");

    [Fact]
    public void A_closed_problem_may_still_be_marked_sensitive() =>
        ProblemDecisions.Decide(Given(Closed), new ChangeSensitivity(true), Coordinator, Now).IsRefused.ShouldBeFalse();

    [Fact]
    public void The_problem_remembers_it() =>
        (Given(Marked(true)).Sensitive, Given(Marked(true), Marked(false)).Sensitive).ShouldBe((true, false));

    private static readonly Guid Police = Guid.Parse("0196a000-0000-7000-8000-000000000005");
    private static readonly Guid Outreach = Guid.Parse("0196a000-0000-7000-8000-000000000006");

    [Fact]
    public void A_problem_is_marked_sensitive_with_the_teams_who_may_see_it_each_named_once() =>
        ProblemDecisions.Decide(Given(), new ChangeSensitivity(true, [Outreach, Police, Outreach]), Coordinator, Now)
            .ShouldAccept(new SensitivityChanged(ProblemId, true, Coordinator, Now) { Teams = [Police, Outreach] });

    [Fact]
    public void The_teams_of_a_sensitive_problem_may_change() =>
        ProblemDecisions.Decide(Given(Marked(true)), new ChangeSensitivity(true, [Police]), Coordinator, Now)
            .ShouldAccept(new SensitivityChanged(ProblemId, true, Coordinator, Now) { Teams = [Police] });

    [Fact]
    public void Naming_the_same_teams_again_is_refused() =>
        ProblemDecisions.Decide(Given(Marked(true) with { Teams = [Police] }), new ChangeSensitivity(true, [Police]), Coordinator, Now)
            .ShouldBeRefused("sensitive").Detail.ShouldBe("HT-0007 is already marked sensitive, with those teams named.");

    [Fact]
    public void A_problem_that_is_not_sensitive_names_no_teams() =>
        ProblemDecisions.Decide(Given(), new ChangeSensitivity(false, [Police]), Coordinator, Now).ShouldBeRefused("teams");

    [Fact]
    public void The_problem_remembers_its_teams_until_it_is_no_longer_sensitive()
    {
        Given(Marked(true) with { Teams = [Police, Outreach] }).SensitiveTo.ShouldBe([Police, Outreach]);
        Given(Marked(true) with { Teams = [Police] }, Marked(false)).SensitiveTo.ShouldBeEmpty();
    }
}

public class SightTests
{
    private static readonly Guid Police = Guid.Parse("0196a000-0000-7000-8000-000000000005");
    private static readonly Guid Outreach = Guid.Parse("0196a000-0000-7000-8000-000000000006");
    private static readonly Guid Lighting = Guid.Parse("0196a000-0000-7000-8000-000000000001");

    public static TheoryData<string, bool, Guid[], bool, Guid[], bool> Cases => new()
    {
        { "public, nothing sensitive", false, [], false, [], true },
        { "public, marked", true, [Police], false, [], false },
        { "public, sensitive category", false, [], true, [Police], false },
        { "police, named on the problem", true, [Police], false, [], true },
        { "lighting, not named", true, [Police], false, [], false },
        { "outreach, named on the category", false, [], true, [Outreach], true },
        { "outreach, named on the category of a marked problem", true, [Police], true, [Outreach], true },
        { "police, named on a category that is not sensitive", true, [], false, [Police], false },
        { "lighting, in a sensitive category naming others", false, [], true, [Police, Outreach], false },
        { "lighting, nothing sensitive", false, [], false, [Police], true },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Who_sees_a_problem(string reader, bool marked, Guid[] problemTeams, bool categorySensitive, Guid[] categoryTeams, bool sees)
    {
        var who = reader.StartsWith("public") ? Reader.Public
            : reader.StartsWith("police") ? Reader.OfTeam(Police)
            : reader.StartsWith("outreach") ? Reader.OfTeam(Outreach)
            : Reader.OfTeam(Lighting);
        Sight.Sees(who, marked, problemTeams, categorySensitive, categoryTeams).ShouldBe(sees);
    }

    [Fact]
    public void Coordinators_and_administrators_see_everything() =>
        Sight.Sees(Reader.Everything, true, [], true, []).ShouldBeTrue();
}

public class PublicUpdateTests
{
    [Fact]
    public void An_update_is_written_as_one_paragraph() =>
        ProblemDecisions.Decide(Given(), new WritePublicUpdate("  The alley was cleared on Monday.\n\nGates go in next month. "), Coordinator, Now)
            .ShouldAccept(new PublicUpdateWritten(ProblemId, "The alley was cleared on Monday. Gates go in next month.", Coordinator, Now));

    [Fact]
    public void A_sensitive_problem_takes_no_public_updates() =>
        ProblemDecisions.Decide(Given(new SensitivityChanged(ProblemId, true, Coordinator, Now)), new WritePublicUpdate("Cleared."), Coordinator, Now)
            .ShouldBeRefused().Detail.ShouldBe("HT-0007 is sensitive: nothing about it is published, so it takes no public updates.");

    [Fact]
    public void A_blank_update_is_refused() =>
        ProblemDecisions.Decide(Given(), new WritePublicUpdate(" "), Coordinator, Now).ShouldBeRefused("text").Detail.ShouldBe("Enter the public update.");

    [Theory]
    [InlineData(200, true)]
    [InlineData(201, false)]
    public void An_update_has_at_most_200_characters(int length, bool accepted) =>
        ProblemDecisions.Decide(Given(), new WritePublicUpdate(Text(length)), Coordinator, Now).IsRefused.ShouldBe(!accepted);

    [Fact]
    public void An_update_names_nobody() =>
        ProblemDecisions.Decide(Given(), new WritePublicUpdate("Call 07700 900123 for keys"), Coordinator, Now).ShouldBeRefused("text");

    [Fact]
    public void A_closed_problem_still_takes_an_update() =>
        ProblemDecisions.Decide(Given(Closed), new WritePublicUpdate("The alley is gated and residents hold the keys."), Coordinator, Now)
            .IsRefused.ShouldBeFalse();
}

public class PublicPlaceTests
{
    [Theory]
    [InlineData("Wenlock Street, between Brunswick Street and Burr Street", "Wenlock Street")]
    [InlineData("12 Burr Street", "Burr Street")]
    [InlineData("Flat 3, 40 North Street", "North Street")]
    [InlineData("Garage block forecourt, Burr Street", "Garage block forecourt")]
    public void A_place_is_told_at_street_level(string description, string told) =>
        PublicPlace.Of(new Location(description, 51.88, -0.41, "100080123456", null, "High Town")).ShouldBe(told);

    [Fact]
    public void A_long_place_is_cut_at_a_word() =>
        PublicPlace.Of(new Location(string.Join(' ', Enumerable.Repeat("Longname", 20)), null, null, null, null, null)).Length
            .ShouldBeLessThanOrEqualTo(PublicPlace.MaxLength);
}
