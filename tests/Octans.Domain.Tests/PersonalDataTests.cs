namespace Octans.Domain.Tests;

public class PersonalDataTests
{
    [Theory]
    [InlineData("jo.bloggs@example.com")]
    [InlineData("Contact: Jo_Bloggs+alley@luton.gov.uk.")]
    [InlineData("email JO@EXAMPLE.CO.UK tomorrow")]
    public void Email_addresses_are_found(string text) => PersonalData.Find(text).ShouldBe(PersonalDataKind.EmailAddress);

    [Theory]
    [InlineData("07700 900123")]
    [InlineData("Mobile 07700900123.")]
    [InlineData("07700 900 123")]
    [InlineData("+44 7700 900123")]
    [InlineData("+447700900123")]
    [InlineData("0044 7700 900123")]
    [InlineData("01582 546000")]
    [InlineData("(01582) 546 000")]
    [InlineData("020 7946 0958")]
    [InlineData("+44 (0)20 7946 0958")]
    [InlineData("0800 123 4567")]
    [InlineData("tel:01582-546000")]
    [InlineData("Call 01582 546000 after 10am")]
    public void UK_phone_numbers_are_found(string text) => PersonalData.Find(text).ShouldBe(PersonalDataKind.PhoneNumber);

    [Theory]
    [InlineData("QQ 12 34 56 C")]
    [InlineData("QQ123456C")]
    [InlineData("NI number ab 12 34 56 d")]
    public void National_Insurance_numbers_are_found(string text) =>
        PersonalData.Find(text).ShouldBe(PersonalDataKind.NationalInsuranceNumber);

    [Theory]
    [InlineData("Cleared on 2026-11-30.")]
    [InlineData("Next visit 01/12/2026 at 09:30")]
    [InlineData("Dates: 01 02 2026 and 03 04 2026")]
    [InlineData("See HT-0001 and HT-0012")]
    [InlineData("UPRN 100080123456")]
    [InlineData("UPRN 010001234567")]
    [InlineData("USRN 21300123")]
    [InlineData("Between 10:00-12:00 and 0930 hrs")]
    [InlineData("Costs £1,250.00 or £0.50 a bag; budget 1,000,000")]
    [InlineData("At 51.8846, -0.4147 near LU2 0DD")]
    [InlineData("Column 23 of 40 repaired; 3 of 12 lamps out")]
    [InlineData("Crime ref 43/123456/26")]
    [InlineData("Twitter @LutonCouncil said so")]
    [InlineData("Flat 12 34 56 Ash Road")]
    [InlineData("")]
    [InlineData(null)]
    public void Places_dates_references_and_money_are_not_personal_data(string? text) =>
        PersonalData.Find(text).ShouldBeNull();

    [Fact]
    public void The_check_explains_what_to_remove_from_where() =>
        PersonalData.Check("Call QQ123456C", "reason")
            .ShouldBe("Octans records places, not people: remove the National Insurance number from the reason.");

    [Fact]
    public void The_check_passes_clean_text() => PersonalData.Check("Fly-tipping behind the shops", "note").ShouldBeNull();
}
