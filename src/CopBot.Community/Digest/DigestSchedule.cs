using System.Globalization;

namespace CopBot.Community;

/// <summary>One digest's period [<paramref name="From"/>, <paramref name="To"/>) and the key its sending is recorded under.</summary>
public sealed record DigestPeriod(DateTimeOffset From, DateTimeOffset To)
{
    /// <summary>The period's end as an invariant UTC string, e.g. <c>2025-03-17T09:00Z</c>: one digest per key.</summary>
    public string Key => To.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm'Z'", CultureInfo.InvariantCulture);
}

/// <summary>
/// When digests are due: every <see cref="Period"/> from the first <see cref="Day"/> at <see cref="Hour"/> (UTC) on or
/// after 1 January 2024, so the moments are the same on every instance and after every restart. A weekly digest on
/// Monday 09:00 covers the week up to that Monday 09:00.
/// </summary>
public sealed record DigestSchedule(TimeSpan Period, DayOfWeek Day, int Hour)
{
    // 1 January 2024 was a Monday.
    private static readonly DateTimeOffset Epoch = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public DateTimeOffset Anchor => Epoch.AddDays(((int)Day - (int)DayOfWeek.Monday + 7) % 7).AddHours(Hour);

    /// <summary>The latest period that ended at or before <paramref name="now"/>; null before the first one.</summary>
    public DigestPeriod? LatestEndedBy(DateTimeOffset now)
    {
        Validate();
        if (now < Anchor + Period)
        {
            return null;
        }

        var periods = (now - Anchor).Ticks / Period.Ticks;
        var end = Anchor + TimeSpan.FromTicks(periods * Period.Ticks);
        return new DigestPeriod(end - Period, end);
    }

    /// <summary>The period under way at <paramref name="now"/> up to now (what a preview shows).</summary>
    public DigestPeriod SoFar(DateTimeOffset now) =>
        new(LatestEndedBy(now)?.To ?? now - Period, now);

    /// <exception cref="ArgumentException">The period is under an hour or the hour is not 0–23.</exception>
    public void Validate()
    {
        if (Period < TimeSpan.FromHours(1) || Period > TimeSpan.FromDays(366))
        {
            throw new ArgumentException("The digest period must be between one hour and 366 days.", nameof(Period));
        }

        if (Hour is < 0 or > 23 || !Enum.IsDefined(Day))
        {
            throw new ArgumentException("The digest day must be a day of the week and the hour 0–23 (UTC).", nameof(Hour));
        }
    }
}
