using System.Text;
using CsCheck;

namespace Octans.Domain.Tests;

/// <summary>Redaction holds for any text, and catches personal data in any of the ways people write it.</summary>
public class RedactionProperties
{
    private static readonly string[] CleanWords =
    [
        "Fly-tipping", "behind the shops", "lamp 23 out", "Cleared on 2026-11-30", "Next visit 01/12/2026 at 09:30",
        "01 02 2026", "1.2.2026", "01.02.2026", "10:00-12:00", "0930 hrs", "£1,250.00", "£0.50 a bag", "HT-0001",
        "UPRN 100080123456", "UPRN 010001234567", "USRN 21300123", "LU2 0DD", "51.8846, -0.4147", "Crime ref 43/123456/26",
        "Twitter @LutonCouncil", "reported at fixmystreet.com", "Flat 12 34 56 Ash Road", "High Town", "Biscot ward",
        "3 of 12 lamps", "bags: 40", "💡", "ｌａｍｐ", "naïve café", "\t", "\r\n", "x07700 900123",
    ];

    private static readonly Gen<string> Clean = Gen.Select(
        Gen.OneOf(CleanWords.Select(Gen.Const).ToArray()).Array[0, 8], Gen.OneOf(", ", "; ", " and ", ".\n"),
        (words, joiner) => string.Join(joiner, words));

    private static readonly Gen<char> Letter = Gen.Char["abcdefghijklmnopqrstuvwxyz"];
    private static readonly Gen<string> Word = Letter.Array[1, 8].Select(chars => new string(chars));

    private static readonly Gen<(string Text, PersonalDataKind Kind)> EmailAddress =
        Gen.Select(Word, Gen.Char["abcdefghijklmnopqrstuvwxyz0123456789_+-"].Array[0, 6], Word, Gen.OneOf("com", "uk", "org", "net"),
            Gen.Int[0, 7], (local, tail, domain, top, form) =>
            {
                var name = local + new string(tail);
                var text = form switch
                {
                    0 => $"{name}@{domain}.{top}",
                    1 => $"{local} dot {name} at {domain} dot {top}",
                    2 => $"{name}(at){domain}.{top}",
                    3 => $"{name} [at] {domain} [dot] {top}",
                    4 => $"{name} @ {domain} . {top}",
                    5 => $"{name}＠{domain}．{top}",
                    6 => FullWidth($"{name}@{domain}.co.{top}"),
                    _ => $"{name.ToUpperInvariant()} AT {domain} DOT {top}",
                };
                return (text, PersonalDataKind.EmailAddress);
            });

    private static readonly Gen<(string Text, PersonalDataKind Kind)> PhoneNumber =
        Gen.Select(Gen.OneOf("7", "1", "2", "3", "8"), Gen.Char['0', '9'].Array[8, 9], Gen.Int[0, 3], Gen.Int[0, 6],
            Gen.OneOf(" ", "-", ".", " - ", "\n", "\r\n", "\u00a0", "\u2013"), Gen.Int[0, 4],
            (kind, rest, prefix, grouping, separator, digits) =>
            {
                var national = kind + new string(rest); // 9 or 10 digits after the 0
                var grouped = Group(national, grouping, separator);
                var text = prefix switch
                {
                    0 => "0" + grouped,
                    1 => "+44 " + grouped,
                    2 => "0044" + separator + grouped,
                    _ => "+44 (0)" + grouped,
                };
                return (Digits(text, digits), PersonalDataKind.PhoneNumber);
            });

    private static readonly Gen<(string Text, PersonalDataKind Kind)> NationalInsuranceNumber =
        Gen.Select(Gen.Char['A', 'Z'].Array[2], Gen.Char['0', '9'].Array[6], Gen.Char['A', 'D'], Gen.OneOf("", " ", "-", ".", "\t"),
            Gen.Bool, Gen.Bool, (letters, digits, last, separator, lower, wide) =>
            {
                var d = new string(digits);
                var text = $"{new string(letters)}{separator}{d[..2]}{separator}{d[2..4]}{separator}{d[4..]}{separator}{last}";
                text = lower ? text.ToLowerInvariant() : text;
                return (wide ? FullWidth(text) : text, PersonalDataKind.NationalInsuranceNumber);
            });

    private static readonly Gen<(string Text, PersonalDataKind Kind)> Personal = Gen.OneOf(EmailAddress, PhoneNumber, NationalInsuranceNumber);

    private static readonly Gen<string> AnyText = Gen.OneOf(
        Gen.String,
        Gen.Char.Array[0, 60].Select(chars => new string(chars)),
        Gen.Select(Clean, Personal, Clean, Gen.String, (before, personal, after, noise) => $"{before} {personal.Text}{noise}{after}"));

    [Fact]
    public void Text_without_personal_data_is_left_as_it_was() =>
        Clean.Sample(text =>
        {
            PersonalData.Find(text).ShouldBeNull();
            PersonalData.Redact(text).ShouldBeSameAs(text);
        });

    [Fact]
    public void Personal_data_in_any_written_form_is_removed_from_the_text_around_it() =>
        Gen.Select(Clean, Personal, Clean).Sample((before, personal, after) =>
        {
            var text = $"{before} {personal.Text} {after}";

            var redacted = PersonalData.Redaction(text);

            redacted.Text.ShouldBe($"{before} {PersonalData.Marker(personal.Kind)} {after}");
            redacted.Removed.ShouldBe([personal.Kind]);
        }, iter: 2_000);

    [Fact]
    public void Nothing_personal_data_is_left_in_redacted_text() =>
        AnyText.Sample(text => PersonalData.Find(PersonalData.Redact(text)).ShouldBeNull(), iter: 1_000);

    [Fact]
    public void Redacting_twice_changes_nothing_more() =>
        AnyText.Sample(text =>
        {
            var once = PersonalData.Redact(text);
            PersonalData.Redact(once).ShouldBe(once);
        });

    private static string Group(string digits, int grouping, string separator)
    {
        // Groups have at least three digits, with the 0, as people write them.
        var sizes = grouping switch
        {
            0 => [digits.Length],
            1 => [4, digits.Length - 4],
            2 => [digits.Length - 6, 3, 3],
            3 => [3, 3, digits.Length - 6],
            4 => [2, 4, digits.Length - 6],
            5 => [2, digits.Length - 2],
            _ => new[] { 3, digits.Length - 3 },
        };
        var text = new StringBuilder();
        var at = 0;
        foreach (var size in sizes)
        {
            text.Append(at == 0 ? "" : separator).Append(digits, at, size);
            at += size;
        }
        return text.ToString();
    }

    /// <summary>Writes the digits in another script: ASCII, full-width, Arabic-Indic, Devanagari or mathematical bold.</summary>
    private static string Digits(string text, int script) => script switch
    {
        0 => text,
        4 => string.Concat(text.Select(c => char.IsAsciiDigit(c) ? char.ConvertFromUtf32(0x1D7CE + c - '0') : c.ToString())),
        _ => new string(text.Select(c => char.IsAsciiDigit(c) ? (char)((script switch { 1 => 0xFF10, 2 => 0x0660, _ => 0x0966 }) + c - '0') : c).ToArray()),
    };

    private static string FullWidth(string text) =>
        new(text.Select(c => c is > ' ' and <= '~' ? (char)(c + 0xFEE0) : c).ToArray());
}
