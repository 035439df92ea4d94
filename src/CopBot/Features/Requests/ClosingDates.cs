using System.Globalization;

namespace CopBot.Features.Requests;

/// <summary>
/// Closing dates and deadlines typed in a card (Input.Date's yyyy-MM-dd): a request closes at the end of that day
/// (UTC), no earlier than tomorrow (or the day after the current date, when extending) and no later than the maximum.
/// </summary>
public static class ClosingDates
{
    public static (DateTimeOffset ClosesAt, string? Error) Parse(string? text, DateTimeOffset now, TimeSpan maxDuration, DateTimeOffset? notBefore = null)
    {
        var latest = DateOnly.FromDateTime((now + maxDuration).UtcDateTime);
        var earliest = notBefore is { } after ? DateOnly.FromDateTime(after.UtcDateTime).AddDays(1) : DateOnly.FromDateTime(now.UtcDateTime).AddDays(1);
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return (default, "Give the date as yyyy-mm-dd.");
        }

        if (date < earliest || date > latest)
        {
            return (default, string.Create(CultureInfo.InvariantCulture, $"The date must be between {earliest:yyyy-MM-dd} and {latest:yyyy-MM-dd}."));
        }

        return (new DateTimeOffset(date.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), null);
    }

    /// <summary>The first and last dates a date input should offer.</summary>
    public static (DateOnly Earliest, DateOnly Latest) Range(DateTimeOffset now, TimeSpan maxDuration) =>
        (DateOnly.FromDateTime(now.UtcDateTime).AddDays(1), DateOnly.FromDateTime((now + maxDuration).UtcDateTime));

    public static string Format(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC";

    /// <summary>"3 days 4 hours", "5 hours 10 minutes", or "passed".</summary>
    public static string TimeLeft(DateTimeOffset deadline, DateTimeOffset now)
    {
        var left = deadline - now;
        return left <= TimeSpan.Zero ? "passed"
            : left.TotalDays >= 1 ? string.Create(CultureInfo.InvariantCulture, $"{(int)left.TotalDays} day{((int)left.TotalDays == 1 ? "" : "s")} {left.Hours} h")
            : string.Create(CultureInfo.InvariantCulture, $"{left.Hours} h {left.Minutes} min");
    }
}
