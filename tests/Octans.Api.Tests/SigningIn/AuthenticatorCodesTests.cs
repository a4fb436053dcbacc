using System.Text;
using Octans.Api.SigningIn.TwoStep;
using OtpNet;

namespace Octans.Api.Tests.SigningIn;

/// <summary>The code check against RFC 6238's own test values (SHA-1, its 20-byte secret, the last six of its eight digits).</summary>
public sealed class AuthenticatorCodesTests
{
    private static readonly byte[] RfcSecret = Encoding.ASCII.GetBytes("12345678901234567890");

    // A fixed clock: 2009-02-13 23:31:30 UTC, time step 41152263, whose code is 89005924 in the RFC's table.
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1234567890);
    private const long Step = 1234567890 / 30;

    [Theory]
    [InlineData(59, "287082")]
    [InlineData(1111111109, "081804")]
    [InlineData(1234567890, "005924")]
    [InlineData(2000000000, "279037")]
    public void The_code_of_the_moment_is_taken_with_its_time_step(long unixSeconds, string code) =>
        AuthenticatorCodes.Match(RfcSecret, code, DateTimeOffset.FromUnixTimeSeconds(unixSeconds), 0).ShouldBe(unixSeconds / 30);

    [Fact]
    public void A_code_from_the_step_before_or_after_is_taken_and_one_from_further_away_is_not()
    {
        var now = Now;
        AuthenticatorCodes.Match(RfcSecret, "005924", now.AddSeconds(30), 0).ShouldBe(Step);
        AuthenticatorCodes.Match(RfcSecret, "005924", now.AddSeconds(-30), 0).ShouldBe(Step);
        AuthenticatorCodes.Match(RfcSecret, "005924", now.AddSeconds(60), 0).ShouldBeNull();
        AuthenticatorCodes.Match(RfcSecret, "005924", now.AddSeconds(-60), 0).ShouldBeNull();
    }

    [Fact]
    public void A_code_is_not_taken_again_nor_one_older_than_the_last_taken()
    {
        var now = Now;
        AuthenticatorCodes.Match(RfcSecret, "005924", now, lastStep: Step).ShouldBeNull();
        AuthenticatorCodes.Match(RfcSecret, "005924", now, lastStep: Step + 1).ShouldBeNull();
        AuthenticatorCodes.Match(RfcSecret, "005924", now, lastStep: Step - 1).ShouldBe(Step);
    }

    [Theory]
    [InlineData("005925")]
    [InlineData("05924")]
    [InlineData("0059240")]
    [InlineData("00592a")]
    [InlineData("")]
    public void A_wrong_code_or_one_of_the_wrong_shape_is_not_taken(string code) =>
        AuthenticatorCodes.Match(RfcSecret, code, Now, 0).ShouldBeNull();

    [Fact]
    public void The_key_written_for_typing_reads_back_as_the_secret()
    {
        var secret = AuthenticatorCodes.NewSecret();
        var written = AuthenticatorCodes.Written(secret);
        written.Split(' ').ShouldAllBe(group => group.Length == 4);
        Base32Encoding.ToBytes(written.Replace(" ", "")).ShouldBe(secret);
        AuthenticatorCodes.SetUpLink("admin@luton.gov.uk", secret).ShouldStartWith("otpauth://totp/Octans:admin%40luton.gov.uk?secret=");
    }

    [Fact]
    public void Recovery_codes_are_ten_different_codes_read_back_however_typed()
    {
        var codes = RecoveryCodes.New();
        codes.Distinct().Count().ShouldBe(RecoveryCodes.Count);
        var code = codes[0];
        RecoveryCodes.Hash(code.ToUpperInvariant().Replace("-", " ")).ShouldBe(RecoveryCodes.Hash(code));
        RecoveryCodes.Hash(codes[1]).ShouldNotBe(RecoveryCodes.Hash(code));
    }
}
