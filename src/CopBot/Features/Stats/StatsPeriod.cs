using System.Globalization;

namespace CopBot.Features.Stats;

/// <summary>
/// The period of <c>stats</c>: nothing (the last 30 days), a number of days (<c>stats 7</c>), or two dates
/// (<c>stats 2025-01-01 2025-03-31</c>, both days included). Dates are UTC days.
/// </summary>
public static class StatsPeriod
{
    public const int DefaultDays = 30;
    public const int MaxDays = 3660;

    public static bool TryParse(string? text, DateTimeOffset now, out DateTimeOffset from, out DateTimeOffset to, out string error)
    {
        var parts = (text ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        (from, to, error) = (default, now, string.Empty);
        switch (parts.Length)
        {
            case 0:
                from = now.AddDays(-DefaultDays);
                return true;
            case 1 when int.TryParse(parts[0].TrimEnd('d'), NumberStyles.None, CultureInfo.InvariantCulture, out var days) && days is > 0 and <= MaxDays:
                from = now.AddDays(-days);
                return true;
            case 2 when Day(parts[0]) is { } first && Day(parts[1]) is { } last && last >= first:
                (from, to) = (first, last.AddDays(1));
                return true;
            default:
                error = $"Give a number of days (1–{MaxDays}) or two dates, e.g. stats 7 or stats 2025-01-01 2025-03-31.";
                return false;
        }
    }

    private static DateTimeOffset? Day(string text) =>
        DateTimeOffset.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var day) ? day : null;
}
