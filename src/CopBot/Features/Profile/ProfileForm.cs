using System.Globalization;
using CopBot.Community;

namespace CopBot.Features.Profile;

/// <summary>Reads the profile form's inputs; every problem is reported in words the member can act on.</summary>
internal static class ProfileForm
{
    /// <param name="BusyUntil">Midnight UTC of the date the member is available again; null when available now.</param>
    /// <param name="MaxOpenRequests">Null when the input was left empty: the stored value stays.</param>
    public sealed record Fields(
        IReadOnlyList<Skill> Skills, string? Bio, IReadOnlyList<string> Languages, string? Location, string? Organization, DateTimeOffset? BusyUntil, int? MaxOpenRequests);

    /// <param name="input">The submitted value of an input, as text.</param>
    /// <param name="today">The UTC date now: a busy-until date must lie after it.</param>
    public static (Fields? Fields, string? Problem) Read(Func<string, string?> input, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(input);
        var skills = new List<Skill>();
        foreach (var entry in Split(input(Cards.ProfileCardKeys.Skills), [',', ';', '\n']))
        {
            var colon = entry.LastIndexOf(':');
            var tag = (colon < 0 ? entry : entry[..colon]).Trim();
            var level = Skill.DefaultLevel;
            if (colon >= 0 && !int.TryParse(entry[(colon + 1)..].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out level))
            {
                return (null, $"\"{entry}\": write the level as a number from {Skill.MinLevel} to {Skill.MaxLevel}, e.g. targeting:4.");
            }

            if (level is < Skill.MinLevel or > Skill.MaxLevel)
            {
                return (null, $"\"{entry}\": levels go from {Skill.MinLevel} to {Skill.MaxLevel}.");
            }

            if (Skill.NormalizeTag(tag) is not { Length: > 0 and <= ProfileLimits.MaxTagLength })
            {
                return (null, $"\"{entry}\": a topic needs 1 to {ProfileLimits.MaxTagLength} characters.");
            }

            skills.Add(new Skill(tag, level));
        }

        var languages = Split(input(Cards.ProfileCardKeys.Languages), [',', ';']).ToList();
        var bio = Trimmed(input(Cards.ProfileCardKeys.Bio));
        var location = Trimmed(input(Cards.ProfileCardKeys.Location));
        var organization = Trimmed(input(Cards.ProfileCardKeys.Organization));
        var (busyUntil, busyProblem) = ReadBusyUntil(Trimmed(input(Cards.ProfileCardKeys.BusyUntil)), today);
        var (maxOpen, maxOpenProblem) = ReadMaxOpenRequests(Trimmed(input(Cards.ProfileCardKeys.MaxOpenRequests)));
        return busyProblem is not null ? (null, busyProblem)
            : maxOpenProblem is not null ? (null, maxOpenProblem)
            : skills.Count > ProfileLimits.MaxSkills ? (null, $"At most {ProfileLimits.MaxSkills} topics, please.")
            : languages.Count > ProfileLimits.MaxLanguages || languages.Any(l => l.Length > ProfileLimits.MaxLanguageLength) ? (null, "Too many or too long languages.")
            : bio?.Length > ProfileLimits.MaxBioLength ? (null, $"The text about you is limited to {ProfileLimits.MaxBioLength} characters.")
            : location?.Length > ProfileLimits.MaxShortTextLength || organization?.Length > ProfileLimits.MaxShortTextLength ? (null, $"Location and organisation are limited to {ProfileLimits.MaxShortTextLength} characters.")
            : (new Fields([.. skills.DistinctBy(s => s.Tag)], bio, languages, location, organization, busyUntil, maxOpen), null);
    }

    // Input.Date submits yyyy-MM-dd; the member is available again from that date (00:00 UTC).
    private static (DateTimeOffset? Value, string? Problem) ReadBusyUntil(string? text, DateOnly today)
    {
        if (text is null)
        {
            return (null, null);
        }

        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return (null, $"\"{text}\" is not a date: pick one in the calendar, or leave \"busy until\" empty when you are available.");
        }

        return date <= today
            ? (null, "\"Busy until\" must be a date after today; leave it empty when you are available.")
            : (new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), null);
    }

    // Clients may send "3" or "3.0"; both mean 3, a fraction does not.
    private static (int? Value, string? Problem) ReadMaxOpenRequests(string? text)
    {
        if (text is null)
        {
            return (null, null);
        }

        return double.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
            && number == Math.Floor(number) && number is >= 0 and <= ProfileLimits.MaxOpenRequestsLimit
            ? ((int)number, null)
            : (null, $"Open requests at a time: a whole number from 0 to {ProfileLimits.MaxOpenRequestsLimit} (0 means ask me nothing).");
    }

    private static string[] Split(string? text, char[] separators) =>
        (text ?? string.Empty).Split(separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
