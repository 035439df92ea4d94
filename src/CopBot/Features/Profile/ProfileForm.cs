using System.Globalization;
using CopBot.Community;

namespace CopBot.Features.Profile;

/// <summary>Reads the profile form's inputs; every problem is reported in words the member can act on.</summary>
internal static class ProfileForm
{
    public sealed record Fields(IReadOnlyList<Skill> Skills, string? Bio, IReadOnlyList<string> Languages, string? Location, string? Organization);

    public static (Fields? Fields, string? Problem) Read(Func<string, string?> input)
    {
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
        return skills.Count > ProfileLimits.MaxSkills ? (null, $"At most {ProfileLimits.MaxSkills} topics, please.")
            : languages.Count > ProfileLimits.MaxLanguages || languages.Any(l => l.Length > ProfileLimits.MaxLanguageLength) ? (null, "Too many or too long languages.")
            : bio?.Length > ProfileLimits.MaxBioLength ? (null, $"The text about you is limited to {ProfileLimits.MaxBioLength} characters.")
            : location?.Length > ProfileLimits.MaxShortTextLength || organization?.Length > ProfileLimits.MaxShortTextLength ? (null, $"Location and organisation are limited to {ProfileLimits.MaxShortTextLength} characters.")
            : (new Fields([.. skills.DistinctBy(s => s.Tag)], bio, languages, location, organization), null);
    }

    private static string[] Split(string? text, char[] separators) =>
        (text ?? string.Empty).Split(separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
