namespace CopBot.Community.Tests.Digest;

public class DigestScheduleTests
{
    private static readonly DigestSchedule Weekly = new(TimeSpan.FromDays(7), DayOfWeek.Monday, 9);

    [Fact]
    public void LatestEndedBy_MidWeek_TheWeekUpToLastMondayNine()
    {
        var period = Weekly.LatestEndedBy(new DateTimeOffset(2026, 3, 4, 15, 30, 0, TimeSpan.Zero))!;

        Assert.Equal(new DateTimeOffset(2026, 2, 23, 9, 0, 0, TimeSpan.Zero), period.From);
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero), period.To);
        Assert.Equal("2026-03-02T09:00Z", period.Key);
    }

    [Fact]
    public void LatestEndedBy_ExactlyAtTheMoment_ThatPeriodHasEnded()
    {
        var moment = new DateTimeOffset(2026, 3, 9, 9, 0, 0, TimeSpan.Zero);

        Assert.Equal(moment, Weekly.LatestEndedBy(moment)!.To);
        Assert.Equal(moment.AddDays(-7), Weekly.LatestEndedBy(moment.AddTicks(-1))!.To);
    }

    [Fact]
    public void LatestEndedBy_OtherTimeZoneOffset_SameUtcMoment()
    {
        var paris = new DateTimeOffset(2026, 3, 9, 11, 0, 0, TimeSpan.FromHours(1)); // 10:00 UTC

        Assert.Equal("2026-03-09T09:00Z", Weekly.LatestEndedBy(paris)!.Key);
    }

    [Fact]
    public void LatestEndedBy_DailyOnFriday_EveryDayFromTheFirstFriday()
    {
        var daily = new DigestSchedule(TimeSpan.FromDays(1), DayOfWeek.Friday, 17);

        var period = daily.LatestEndedBy(new DateTimeOffset(2026, 3, 4, 8, 0, 0, TimeSpan.Zero))!;

        Assert.Equal(new DateTimeOffset(2026, 3, 3, 17, 0, 0, TimeSpan.Zero), period.To);
        Assert.Equal(TimeSpan.FromDays(1), period.To - period.From);
    }

    [Fact]
    public void LatestEndedBy_BeforeTheFirstPeriod_Null() =>
        Assert.Null(Weekly.LatestEndedBy(new DateTimeOffset(2024, 1, 3, 0, 0, 0, TimeSpan.Zero)));

    [Fact]
    public void SoFar_MidWeek_FromLastMomentToNow()
    {
        var now = new DateTimeOffset(2026, 3, 4, 15, 30, 0, TimeSpan.Zero);

        var period = Weekly.SoFar(now);

        Assert.Equal((new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero), now), (period.From, period.To));
    }

    [Theory]
    [InlineData(0.02, 9)]
    [InlineData(400, 9)]
    [InlineData(7, 24)]
    [InlineData(7, -1)]
    public void Validate_OutOfRange_ThrowsArgumentException(double days, int hour) =>
        Assert.Throws<ArgumentException>(() => new DigestSchedule(TimeSpan.FromDays(days), DayOfWeek.Monday, hour).Validate());
}
