namespace Octans.Domain.Tests;

public class LondonTests
{
    [Fact]
    public void A_winter_month_starts_at_midnight_GMT() =>
        London.StartOfMonth(2026, 11).ShouldBe(new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public void A_summer_month_starts_at_midnight_BST_which_is_the_evening_before_in_UTC() =>
        London.StartOfMonth(2026, 7).ShouldBe(new DateTimeOffset(2026, 6, 30, 23, 0, 0, TimeSpan.Zero));

    [Fact]
    public void The_month_the_clocks_go_back_starts_in_BST_and_ends_in_GMT()
    {
        London.StartOfMonth(2026, 10).ShouldBe(new DateTimeOffset(2026, 9, 30, 23, 0, 0, TimeSpan.Zero));
        London.EndOfMonth(2026, 10).ShouldBe(new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public void December_ends_when_January_starts() =>
        London.EndOfMonth(2026, 12).ShouldBe(new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Just_before_midnight_UTC_in_summer_is_already_tomorrow_in_London() =>
        London.Today(new DateTimeOffset(2026, 7, 14, 23, 30, 0, TimeSpan.Zero)).ShouldBe(new DateOnly(2026, 7, 15));

    [Fact]
    public void Just_before_midnight_UTC_in_winter_is_still_today_in_London() =>
        London.Today(new DateTimeOffset(2026, 1, 14, 23, 30, 0, TimeSpan.Zero)).ShouldBe(new DateOnly(2026, 1, 14));

    [Fact]
    public void Today_takes_the_offset_of_the_instant_into_account() =>
        London.Today(new DateTimeOffset(2026, 7, 15, 1, 30, 0, TimeSpan.FromHours(3))).ShouldBe(new DateOnly(2026, 7, 14));

    [Fact]
    public void A_summer_day_starts_at_23_00_UTC_the_day_before() =>
        London.StartOfDay(new DateOnly(2026, 7, 15)).ShouldBe(new DateTimeOffset(2026, 7, 14, 23, 0, 0, TimeSpan.Zero));

    [Fact]
    public void The_last_hour_of_June_in_UTC_belongs_to_July_in_London()
    {
        London.MonthOf(new DateTimeOffset(2026, 6, 30, 23, 30, 0, TimeSpan.Zero)).ShouldBe((2026, 7));
        London.MonthOf(new DateTimeOffset(2026, 11, 30, 23, 30, 0, TimeSpan.Zero)).ShouldBe((2026, 11));
    }

    [Theory]
    [InlineData(2026, 9, 4, "4 September 2026")]
    [InlineData(2026, 12, 31, "31 December 2026")]
    [InlineData(2027, 1, 1, "1 January 2027")]
    public void A_day_is_written_as_GOV_UK_writes_it(int year, int month, int day, string written) =>
        London.Written(new DateOnly(year, month, day)).ShouldBe(written);

    [Theory]
    [InlineData(0, 0, "midnight")]
    [InlineData(12, 0, "midday")]
    [InlineData(9, 0, "9am")]
    [InlineData(0, 30, "12:30am")]
    [InlineData(12, 5, "12:05pm")]
    [InlineData(14, 5, "2:05pm")]
    [InlineData(23, 59, "11:59pm")]
    public void A_time_is_written_as_GOV_UK_writes_it(int hour, int minute, string written) =>
        London.Time(new TimeOnly(hour, minute)).ShouldBe(written);

    [Fact]
    public void An_instant_is_written_with_the_London_day_and_time() =>
        London.WrittenWithTime(new DateTimeOffset(2026, 7, 14, 23, 30, 0, TimeSpan.Zero)).ShouldBe("15 July 2026 at 12:30am");

    [Fact]
    public void An_instant_in_winter_is_written_in_GMT() =>
        London.WrittenWithTime(new DateTimeOffset(2026, 12, 4, 14, 5, 0, TimeSpan.Zero)).ShouldBe("4 December 2026 at 2:05pm");

    [Fact]
    public void An_instant_s_day_is_the_London_day() =>
        London.Written(new DateTimeOffset(2026, 7, 14, 23, 30, 0, TimeSpan.Zero)).ShouldBe("15 July 2026");
}
