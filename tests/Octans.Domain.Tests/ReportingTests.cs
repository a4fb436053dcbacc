using static Octans.Domain.Tests.Scenario;

namespace Octans.Domain.Tests;

public class ReportingTests
{
    private static ReportProblem Report(
        string title = "Fly-tipping and drug litter in the alley",
        string statement = "Repeated fly-tipping behind High Town Road.",
        string category = "Environmental",
        string area = "High Town",
        Risk? risk = Risk.High,
        Location? location = null) =>
        new(ProblemId, "HT-0007", title, statement, category, area, risk, location ?? Alley);

    private static Decision Decide(ReportProblem command) => ProblemDecisions.Decide(command, Coordinator, Now);

    private static Location At(double? latitude = null, double? longitude = null, string? uprn = null,
        string? usrn = null, string? ward = null, string description = "Alley behind High Town Road") =>
        new(description, latitude, longitude, uprn, usrn, ward);

    [Fact]
    public void A_problem_is_reported_with_its_text_trimmed_and_blank_location_ids_left_out()
    {
        var decision = Decide(Report(
            title: "  Dark alley  ", statement: " Lights out. ", category: " Lighting ", area: "High Town",
            location: At(51.88, -0.41, uprn: " ", usrn: "", ward: " High Town ", description: " Alley ")));

        decision.ShouldAccept(new ProblemReported(
            ProblemId, "HT-0007", "Dark alley", "Lights out.", "Lighting", "High Town", Risk.High,
            new Location("Alley", 51.88, -0.41, null, null, "High Town"), Coordinator, Now));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void A_title_is_required(string? title) =>
        Decide(Report(title: title!)).ShouldBeRefused("title").Detail.ShouldBe("Enter the title.");

    [Theory]
    [InlineData(120, true)]
    [InlineData(121, false)]
    public void A_title_has_at_most_120_characters(int length, bool accepted) =>
        Decide(Report(title: Text(length))).IsRefused.ShouldBe(!accepted);

    [Fact]
    public void A_too_long_title_is_explained() =>
        Decide(Report(title: Text(121))).ShouldBeRefused("title").Detail
            .ShouldBe("The title must be 120 characters or fewer.");

    [Fact]
    public void A_statement_is_required() => Decide(Report(statement: " ")).ShouldBeRefused("statement");

    [Theory]
    [InlineData(4_000, true)]
    [InlineData(4_001, false)]
    public void A_statement_has_at_most_4000_characters(int length, bool accepted) =>
        Decide(Report(statement: Text(length))).IsRefused.ShouldBe(!accepted);

    [Fact]
    public void A_category_is_required() => Decide(Report(category: "")).ShouldBeRefused("category");

    [Fact]
    public void An_area_is_required() => Decide(Report(area: "")).ShouldBeRefused("area");

    [Fact]
    public void A_risk_is_required() => Decide(Report(risk: null)).ShouldBeRefused("risk");

    [Fact]
    public void A_location_is_required() =>
        Decide(Report() with { Location = null }).ShouldBeRefused("location");

    [Fact]
    public void A_location_description_is_required() =>
        Decide(Report(location: At(description: " "))).ShouldBeRefused("location.description");

    [Theory]
    [InlineData(300, true)]
    [InlineData(301, false)]
    public void A_location_description_has_at_most_300_characters(int length, bool accepted) =>
        Decide(Report(location: At(description: Text(length)))).IsRefused.ShouldBe(!accepted);

    [Fact]
    public void A_location_without_coordinates_is_accepted() =>
        Decide(Report(location: At())).IsRefused.ShouldBeFalse();

    [Fact]
    public void A_latitude_without_a_longitude_is_refused() =>
        Decide(Report(location: At(latitude: 51.88))).ShouldBeRefused("location.longitude");

    [Fact]
    public void A_longitude_without_a_latitude_is_refused() =>
        Decide(Report(location: At(longitude: -0.41))).ShouldBeRefused("location.latitude");

    [Theory]
    [InlineData(49.8, -8.7)]
    [InlineData(60.95, 1.8)]
    [InlineData(51.8846, -0.4147)]
    public void Coordinates_inside_the_UK_are_accepted(double latitude, double longitude) =>
        Decide(Report(location: At(latitude, longitude))).IsRefused.ShouldBeFalse();

    [Theory]
    [InlineData(49.79, 0, "location.latitude")]
    [InlineData(60.96, 0, "location.latitude")]
    [InlineData(51.5, -8.71, "location.longitude")]
    [InlineData(51.5, 1.81, "location.longitude")]
    [InlineData(48.8566, 2.3522, "location.latitude")]
    public void Coordinates_outside_the_UK_are_refused(double latitude, double longitude, string field) =>
        Decide(Report(location: At(latitude, longitude))).ShouldBeRefused(field);

    [Theory]
    [InlineData("1")]
    [InlineData("10023456789")]
    [InlineData("100080123456")]
    public void A_UPRN_of_up_to_12_digits_is_accepted(string uprn) =>
        Decide(Report(location: At(uprn: uprn))).IsRefused.ShouldBeFalse();

    [Theory]
    [InlineData("1000801234567")]
    [InlineData("10008012345A")]
    [InlineData("UPRN 1000")]
    public void A_UPRN_that_is_not_up_to_12_digits_is_refused(string uprn) =>
        Decide(Report(location: At(uprn: uprn))).ShouldBeRefused("location.uprn");

    [Theory]
    [InlineData("8")]
    [InlineData("21300123")]
    public void A_USRN_of_up_to_8_digits_is_accepted(string usrn) =>
        Decide(Report(location: At(usrn: usrn))).IsRefused.ShouldBeFalse();

    [Theory]
    [InlineData("213001234")]
    [InlineData("2130012X")]
    public void A_USRN_that_is_not_up_to_8_digits_is_refused(string usrn) =>
        Decide(Report(location: At(usrn: usrn))).ShouldBeRefused("location.usrn");

    [Theory]
    [InlineData(100, true)]
    [InlineData(101, false)]
    public void A_ward_has_at_most_100_characters(int length, bool accepted) =>
        Decide(Report(location: At(ward: Text(length)))).IsRefused.ShouldBe(!accepted);

    [Fact]
    public void Every_problem_with_the_input_is_reported_at_once()
    {
        var decision = Decide(Report(title: "", statement: "", location: At(latitude: 70)));

        decision.ShouldBeRefused();
        decision.Errors.Keys.ShouldBe(["title", "statement", "location.longitude", "location.latitude"], ignoreOrder: true);
        decision.Detail.ShouldBe(
            "Enter the title. Enter the statement. Enter both the latitude and the longitude, or neither. "
            + "The latitude must be in the UK, between 49.8 and 60.95.");
    }
}
