namespace Octans.Domain.Tests;

public class PersonalDataTests
{
    [Theory]
    [InlineData("jo.bloggs@example.com")]
    [InlineData("Contact: Jo_Bloggs+alley@luton.gov.uk.")]
    [InlineData("email JO@EXAMPLE.CO.UK tomorrow")]
    [InlineData("jo dot bloggs at example dot com")]
    [InlineData("jo.bloggs AT example DOT co DOT uk")]
    [InlineData("jo at example dot co.uk")]
    [InlineData("jo dot bloggs at example.com")]
    [InlineData("jo(at)example.com")]
    [InlineData("jo (at) example (dot) com")]
    [InlineData("jo [at] example [dot] com")]
    [InlineData("jo{at}example{dot}com")]
    [InlineData("jo<at>example<dot>com")]
    [InlineData("jo @ example . com")]
    [InlineData("jo@example . com")]
    [InlineData("jo\t@\texample.com")]
    [InlineData("jo＠example.com")]
    [InlineData("ｊｏ＠ｅｘａｍｐｌｅ．ｃｏｍ")]
    [InlineData("jo﹫example.com")]
    [InlineData("jo\u200b@example.com")]
    [InlineData("zoë@example.com")]
    [InlineData("jo@example。com")]
    [InlineData("jo@example｡com")]
    public void Email_addresses_are_found(string text) => PersonalData.Find(text).ShouldBe(PersonalDataKind.EmailAddress);

    [Theory]
    [InlineData("07700 900123")]
    [InlineData("Mobile 07700900123.")]
    [InlineData("07700 900 123")]
    [InlineData("+44 7700 900123")]
    [InlineData("+447700900123")]
    [InlineData("0044 7700 900123")]
    [InlineData("00447700900123")]
    [InlineData("01582 546000")]
    [InlineData("(01582) 546 000")]
    [InlineData("020 7946 0958")]
    [InlineData("+44 (0)20 7946 0958")]
    [InlineData("+44(0)7700900123")]
    [InlineData("+44 (0) 7700 900 123")]
    [InlineData("+44 20 7946 0958")]
    [InlineData("0800 123 4567")]
    [InlineData("0800 123 456")]
    [InlineData("016977 4567")]
    [InlineData("tel:01582-546000")]
    [InlineData("Call 01582 546000 after 10am")]
    [InlineData("07700.900.123")]
    [InlineData("07700-900-123")]
    [InlineData("07700 - 900 123")]
    [InlineData("07700-900 123")]
    [InlineData("07700.900 123")]
    [InlineData("07700\n900123")]
    [InlineData("07700\r\n900 123")]
    [InlineData("ring 07700 -\r\n 900123 later")]
    [InlineData("０７７００ ９００１２３")]
    [InlineData("＋４４ ７７００ ９００１２３")]
    [InlineData("٠٧٧٠٠ ٩٠٠١٢٣")]
    [InlineData("०७७०० ९००१२३")]
    [InlineData("07700\u00a0900123")]
    [InlineData("07700\u2013900123")]
    [InlineData("07700\u3000900123")]
    [InlineData("077\u200b00 900123")]
    [InlineData("𝟎𝟕𝟕𝟎𝟎 𝟗𝟎𝟎𝟏𝟐𝟑")]
    [InlineData("Numbers 07700 900123 01582 546000")]
    [InlineData("ends 07700 900123")]
    [InlineData("02079460958")]
    [InlineData("07700     900123")]
    [InlineData("07700 ( 900123 )")]
    public void UK_phone_numbers_are_found(string text) => PersonalData.Find(text).ShouldBe(PersonalDataKind.PhoneNumber);

    [Theory]
    [InlineData("QQ 12 34 56 C")]
    [InlineData("QQ123456C")]
    [InlineData("NI number ab 12 34 56 d")]
    [InlineData("QQ-12-34-56-C")]
    [InlineData("qq.12.34.56.c")]
    [InlineData("QQ 123456 C")]
    [InlineData("QQ 12-34.56 C")]
    [InlineData("ＱＱ１２３４５６Ｃ")]
    [InlineData("ＱＱ １２ ３４ ５６ Ｃ")]
    [InlineData("(QQ123456A)")]
    public void National_Insurance_numbers_are_found(string text) =>
        PersonalData.Find(text).ShouldBe(PersonalDataKind.NationalInsuranceNumber);

    [Theory]
    [InlineData("Cleared on 2026-11-30.")]
    [InlineData("Next visit 01/12/2026 at 09:30")]
    [InlineData("Next visit 01/12/2026 0930")]
    [InlineData("Dates: 01 02 2026 and 03 04 2026")]
    [InlineData("Dates 01 02 2026 03 04 2026")]
    [InlineData("Dates 01 02 2026 0930 hrs 03 04 2026")]
    [InlineData("07 7009 00123 and 02 0794 60958")]
    [InlineData("Dates 1.2.2026 and 01.02.2026")]
    [InlineData("See HT-0001 and HT-0012")]
    [InlineData("See HT-07700900123")]
    [InlineData("UPRN 100080123456")]
    [InlineData("UPRN 010001234567")]
    [InlineData("USRN 21300123")]
    [InlineData("Between 10:00-12:00 and 0930 hrs")]
    [InlineData("Patrols 0930-1130-1400")]
    [InlineData("Costs £1,250.00 or £0.50 a bag; budget 1,000,000")]
    [InlineData("At 51.8846, -0.4147 near LU2 0DD")]
    [InlineData("At 51.0123456789, -0.414712345")]
    [InlineData("long 0.414712345")]
    [InlineData("Column 23 of 40 repaired; 3 of 12 lamps out")]
    [InlineData("Crime ref 43/123456/26")]
    [InlineData("Crime ref 43/07700900123")]
    [InlineData("Twitter @LutonCouncil said so")]
    [InlineData("Reported at fixmystreet.com and at luton.gov.uk")]
    [InlineData("Bins left at the back, dot of ten")]
    [InlineData("jo@example")]
    [InlineData("Flat 12 34 56 Ash Road")]
    [InlineData("QQ123456CD and XQQ123456C")]
    [InlineData("Too short 07700 9001")]
    [InlineData("07700 9001 23 grouped in twos")]
    [InlineData("+33 1 23 45 67 89")]
    [InlineData("x07700 900123 and a07700900123")]
    [InlineData("Lamp 07700 ... 900123, far apart")]
    [InlineData("Lamp 07700 -- 900123 or 07700 .- 900123")]
    [InlineData("Lamp 07700      900123")]
    [InlineData("Lamp 07700 – – 900123")]
    [InlineData("Half a bag at 07700 9001½")]
    [InlineData("Wards: High Town, Biscot, Dallow")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void Places_dates_references_and_money_are_not_personal_data(string? text) =>
        PersonalData.Find(text).ShouldBeNull();

    [Theory]
    [InlineData("Ref 447700900123")]
    [InlineData("+33 7700 900123")]
    [InlineData("+44 (1) 7700 900123")]
    [InlineData("07700 (0) 900123")]
    public void Only_numbers_written_the_UK_way_are_looked_for(string text) => PersonalData.Find(text).ShouldBeNull();

    [Fact]
    public void The_first_piece_in_the_text_is_the_one_found() =>
        PersonalData.Find("QQ123456C, 07700 900123, jo@example.com").ShouldBe(PersonalDataKind.NationalInsuranceNumber);

    [Fact]
    public void The_check_explains_what_to_remove_from_where() =>
        PersonalData.Check("Call QQ123456C", "reason")
            .ShouldBe("Octans records places, not people: remove the National Insurance number from the reason.");

    [Fact]
    public void The_check_passes_clean_text() => PersonalData.Check("Fly-tipping behind the shops", "note").ShouldBeNull();

    [Fact]
    public void Each_kind_has_a_name_in_the_users_words()
    {
        PersonalData.Name(PersonalDataKind.EmailAddress).ShouldBe("email address");
        PersonalData.Name(PersonalDataKind.PhoneNumber).ShouldBe("phone number");
        PersonalData.Name(PersonalDataKind.NationalInsuranceNumber).ShouldBe("National Insurance number");
        Should.Throw<ArgumentOutOfRangeException>(() => PersonalData.Name((PersonalDataKind)99));
    }
}
