using System.Text.RegularExpressions;

namespace CopBot.Community;

/// <summary>Finds the links in contributions (http, https, www.), trimmed of the punctuation that ends a sentence.</summary>
public static partial class LinkExtractor
{
    public static IReadOnlyList<string> Find(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return [];
        }

        return [.. UrlPattern().Matches(text)
            .Select(m => m.Value.TrimEnd('.', ',', ';', ':', '!', '?', '\'', '"'))
            .Select(u => u.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? "https://" + u : u)
            .Where(u => Uri.TryCreate(u, UriKind.Absolute, out var uri) && uri.Host.Contains('.', StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal)];
    }

    [GeneratedRegex(@"(?<![\w@])(?:https?://|www\.)[^\s<>""'\)\]]+", RegexOptions.IgnoreCase)]
    private static partial Regex UrlPattern();
}
