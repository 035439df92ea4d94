using System.Text;

namespace CopBot.Community;

/// <summary>A tag someone knows about, with a self-assessed level from 1 (some) to 5 (recognised expert).</summary>
/// <remarks>The tag is normalised on construction so that routing can compare tags with plain equality.</remarks>
public sealed record Skill(string Tag, int Level)
{
    public const int MinLevel = 1;
    public const int MaxLevel = 5;
    public const int DefaultLevel = 3;

    public string Tag { get; } = NormalizeTag(Tag) is { Length: > 0 } tag
        ? tag
        : throw new ArgumentException("A skill tag must contain more than '#' and spaces.", nameof(Tag));

    public int Level { get; } = Level is >= MinLevel and <= MaxLevel
        ? Level
        : throw new ArgumentOutOfRangeException(nameof(Level), Level, $"A skill level goes from {MinLevel} to {MaxLevel}.");

    /// <summary>
    /// Lower-cases, trims, drops leading <c>#</c> (people paste hashtags) and collapses inner white space.
    /// Only leading <c>#</c> go, so that tags such as <c>c#</c> survive.
    /// </summary>
    public static string NormalizeTag(string tag)
    {
        ArgumentNullException.ThrowIfNull(tag);
        var words = tag.Trim().TrimStart('#').Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        return new StringBuilder().AppendJoin(' ', words).ToString().ToLowerInvariant();
    }
}
