namespace Octans.Domain.Tests;

/// <summary>What the public sends keeps everything but its personal data, which becomes a marker.</summary>
public class RedactionTests
{
    [Theory]
    [InlineData("Call jo.bloggs@example.com about it", "Call [email address removed] about it")]
    [InlineData("Mail jo dot bloggs at example dot com.", "Mail [email address removed].")]
    [InlineData("Ring 07700 900123, or (01582) 546 000!", "Ring [phone number removed], or [phone number removed]!")]
    [InlineData("Tel: +44 (0)20 7946 0958", "Tel: [phone number removed]")]
    [InlineData("NI QQ 12 34 56 C.", "NI [National Insurance number removed].")]
    [InlineData("Numbers 07700 900123 01582 546000", "Numbers [phone number removed] [phone number removed]")]
    [InlineData("Mine is 07700\r\n900123 ok", "Mine is [phone number removed] ok")]
    [InlineData("On 01 02 2026 07700 900123", "On 01 02 2026 [phone number removed]")]
    [InlineData("On 01 02 2026 0044 7700 900123", "On 01 02 2026 [phone number removed]")]
    [InlineData("call ０７７００ ９００１２３ now", "call [phone number removed] now")]
    [InlineData("𝟎𝟕𝟕𝟎𝟎 𝟗𝟎𝟎𝟏𝟐𝟑 💡", "[phone number removed] 💡")]
    [InlineData("ｊｏ＠ｅｘａｍｐｌｅ．ｃｏｍ　ＡＳＢ", "[email address removed]　ＡＳＢ")]
    [InlineData("07700900123@example.com", "[email address removed]")]
    [InlineData("qq123456c@example.com", "[email address removed]")]
    [InlineData("jo@example.com, al@example.com", "[email address removed], [email address removed]")]
    [InlineData("\ud800 07700 900123 \udc00", "\ud800 [phone number removed] \udc00")]
    [InlineData("jo@example.com07700 900123", "[email address removed][phone number removed]")]
    [InlineData("Bags by 07700\u200b900123\u200b", "Bags by [phone number removed]\u200b")]
    public void Personal_data_is_replaced_by_a_marker_and_the_rest_is_kept(string text, string redacted) =>
        PersonalData.Redact(text).ShouldBe(redacted);

    [Fact]
    public void Text_without_personal_data_comes_back_as_it_was()
    {
        const string text = "Fly-tipping at 42 High Town Road, 01/12/2026 09:30, £50, UPRN 100080123456, LU2 0DD, HT-0001";

        PersonalData.Redact(text).ShouldBeSameAs(text);
        PersonalData.Redaction(text).ShouldBe(new Redacted(text, []), new RedactedComparer());
    }

    [Fact]
    public void Null_and_empty_text_come_back_as_they_are()
    {
        PersonalData.Redact(null).ShouldBeNull();
        PersonalData.Redact("").ShouldBe("");
        PersonalData.Redaction("").Removed.ShouldBeEmpty();
    }

    [Fact]
    public void The_redaction_says_what_was_removed_in_order()
    {
        var redacted = PersonalData.Redaction("al@example.com, QQ123456C, 07700 900123, jo@example.com and 01582 546000");

        redacted.Text.ShouldBe(
            "[email address removed], [National Insurance number removed], [phone number removed], [email address removed] and [phone number removed]");
        redacted.Removed.ShouldBe([
            PersonalDataKind.EmailAddress, PersonalDataKind.NationalInsuranceNumber, PersonalDataKind.PhoneNumber,
            PersonalDataKind.EmailAddress, PersonalDataKind.PhoneNumber]);
    }

    [Fact]
    public void What_is_left_standing_once_its_neighbour_is_removed_is_removed_too()
    {
        var redacted = PersonalData.Redaction("jo@example.com07700 900123");

        redacted.Removed.ShouldBe([PersonalDataKind.EmailAddress, PersonalDataKind.PhoneNumber]);
        PersonalData.Find(redacted.Text).ShouldBeNull();
    }

    [Fact]
    public void Markers_name_the_kind()
    {
        PersonalData.Marker(PersonalDataKind.EmailAddress).ShouldBe("[email address removed]");
        PersonalData.Marker(PersonalDataKind.PhoneNumber).ShouldBe("[phone number removed]");
        PersonalData.Marker(PersonalDataKind.NationalInsuranceNumber).ShouldBe("[National Insurance number removed]");
    }

    [Theory]
    [InlineData('a')]
    [InlineData('0')]
    [InlineData('@')]
    [InlineData('.')]
    [InlineData(' ')]
    public void Hostile_text_is_read_to_the_end(char filler)
    {
        var hostile = new string(filler, 30_000) + " jo@example.com " + string.Concat(Enumerable.Repeat("a.", 15_000))
            + " 07700 900123 " + string.Concat(Enumerable.Repeat("0 ", 15_000)) + "QQ123456C";

        var redacted = PersonalData.Redaction(hostile);

        redacted.Removed.ShouldBe([
            PersonalDataKind.EmailAddress, PersonalDataKind.PhoneNumber, PersonalDataKind.NationalInsuranceNumber]);
    }

    private sealed class RedactedComparer : IEqualityComparer<Redacted>
    {
        public bool Equals(Redacted? x, Redacted? y) => x!.Text == y!.Text && x.Removed.SequenceEqual(y.Removed);
        public int GetHashCode(Redacted obj) => obj.Text.GetHashCode();
    }
}
