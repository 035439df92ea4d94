namespace CopBot.Community;

/// <summary>The parts of a synthesis every engine computes the same way: credits, statistics and links.</summary>
public static class SynthesisFacts
{
    /// <summary>Everyone who contributed, in order of their first contribution.</summary>
    public static IReadOnlyList<ContributorCredit> Credits(SynthesisRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return [.. request.Contributions
            .OrderBy(c => c.At)
            .GroupBy(c => c.Author.Id, StringComparer.Ordinal)
            .Select(g => new ContributorCredit(
                g.Key,
                g.Last().Author.Name,
                g.Select(c => c.Author.Organization).FirstOrDefault(o => !string.IsNullOrWhiteSpace(o)),
                g.Count()))];
    }

    public static SynthesisStatistics Statistics(SynthesisRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var contributions = request.Contributions;
        var first = contributions.Count == 0 ? (DateTimeOffset?)null : contributions.Min(c => c.At);
        return new SynthesisStatistics(
            contributions.Count,
            contributions.Select(c => c.Author.Id).Distinct(StringComparer.Ordinal).Count(),
            contributions.Select(c => c.Author.Organization?.Trim()).Where(o => !string.IsNullOrEmpty(o)).Distinct(StringComparer.OrdinalIgnoreCase).Count(),
            first is { } at ? (at >= request.At ? at - request.At : TimeSpan.Zero) : null);
    }

    /// <summary>Links in the contributions, each with who mentioned it, in order of first mention.</summary>
    public static IReadOnlyList<Resource> Resources(SynthesisRequest request, int max)
    {
        ArgumentNullException.ThrowIfNull(request);
        var found = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var contribution in request.Contributions.OrderBy(c => c.At))
        {
            foreach (var url in LinkExtractor.Find(contribution.Text))
            {
                if (!found.TryGetValue(url, out var who))
                {
                    found[url] = who = [];
                    order.Add(url);
                }

                if (!who.Contains(contribution.Author.Id))
                {
                    who.Add(contribution.Author.Id);
                }
            }
        }

        return [.. order.Take(max).Select(u => new Resource(u, found[u]))];
    }

    /// <summary>Shortens at a word boundary, with an ellipsis, so a point never overflows its card.</summary>
    public static string Shorten(string text, int max)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        if (trimmed.Length <= max)
        {
            return trimmed;
        }

        var cut = trimmed.LastIndexOf(' ', max - 1);
        return trimmed[..(cut > max / 2 ? cut : max - 1)].TrimEnd(',', ';', ':') + "…";
    }
}
