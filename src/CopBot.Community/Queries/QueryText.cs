using System.Text.RegularExpressions;

namespace CopBot.Community;

/// <summary>A query as typed: the question, and the <c>#tags</c> in it taken as topics.</summary>
public sealed partial record QueryText(string Question, IReadOnlyList<string> Tags)
{
    public const int MaxQuestionLength = 2000;
    public const int MaxTags = 10;

    public static QueryText Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tags = TagPattern().Matches(text)
            .Select(m => Skill.NormalizeTag(m.Groups[1].Value))
            .Where(t => t.Length is > 0 and <= ProfileLimits.MaxTagLength)
            .Distinct(StringComparer.Ordinal)
            .Take(MaxTags)
            .ToList();
        var question = text.Trim();
        return new QueryText(question.Length > MaxQuestionLength ? question[..MaxQuestionLength] : question, tags);
    }

    /// <summary>Adds topics typed in a form field ("cash-transfers, targeting" or "#fire #forestry").</summary>
    public QueryText WithTopics(string? topics)
    {
        if (string.IsNullOrWhiteSpace(topics))
        {
            return this;
        }

        var extra = topics.Split([',', ';', ' ', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries)
            .Select(Skill.NormalizeTag)
            .Where(t => t.Length is > 0 and <= ProfileLimits.MaxTagLength);
        return this with { Tags = [.. Tags.Concat(extra).Distinct(StringComparer.Ordinal).Take(MaxTags)] };
    }

    [GeneratedRegex(@"(?<![\w&])#([\p{L}\p{N}][\p{L}\p{N}_\-]*)")]
    private static partial Regex TagPattern();
}
