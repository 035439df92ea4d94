using System.Text.Json;

namespace CopBot.Community;

/// <summary>
/// Reads a model's JSON answer into a <see cref="SynthesisDraft"/>, keeping only what is grounded: points must cite
/// contributions that exist (their contributors come from those, never from the model), links must appear in a
/// contribution. Credits and statistics are computed from the request, not taken from the model.
/// </summary>
public static class LlmDraftParser
{
    public const string EngineName = "llm";

    /// <summary>The draft, or null when the answer is not usable (not JSON, no synopsis, no grounded point).</summary>
    public static SynthesisDraft? TryParse(string? answer, SynthesisRequest request, ExtractiveOptions limits)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(limits);
        if (ExtractJson(answer) is not { } json)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || Text(root, "synopsis") is not { Length: > 0 } synopsis)
            {
                return null;
            }

            var themes = Array(root, "themes")
                .Select(t => new Theme(SynthesisFacts.Shorten(Text(t, "label") ?? ThemeGrouper.SingleLabel, 60), Points(t, "points", request, limits, int.MaxValue)))
                .Where(t => t.Points.Count > 0)
                .Take(limits.MaxThemes)
                .ToList();
            if (themes.Count == 0)
            {
                return null;
            }

            return new SynthesisDraft(
                request.Id,
                request.Text,
                SynthesisFacts.Shorten(synopsis, limits.MaxSynopsisLength),
                CapPoints(themes, limits.MaxKeyPoints),
                Resources(root, request, limits),
                Points(root, "disagreements", request, limits, limits.MaxPerSection),
                Points(root, "openQuestions", request, limits, limits.MaxPerSection),
                Points(root, "nextSteps", request, limits, limits.MaxPerSection),
                SynthesisFacts.Credits(request),
                SynthesisFacts.Statistics(request),
                EngineName);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The outermost object, also when the model wrapped it in a code fence or a sentence.</summary>
    private static string? ExtractJson(string? answer)
    {
        if (string.IsNullOrWhiteSpace(answer))
        {
            return null;
        }

        var start = answer.IndexOf('{', StringComparison.Ordinal);
        var end = answer.LastIndexOf('}');
        return start >= 0 && end > start ? answer[start..(end + 1)] : null;
    }

    private static List<Theme> CapPoints(List<Theme> themes, int max)
    {
        var left = max;
        var capped = new List<Theme>();
        foreach (var theme in themes)
        {
            var points = theme.Points.Take(left).ToList();
            left -= points.Count;
            if (points.Count > 0)
            {
                capped.Add(theme with { Points = points });
            }
        }

        return capped;
    }

    private static List<KeyPoint> Points(JsonElement parent, string name, SynthesisRequest request, ExtractiveOptions limits, int max) =>
        [.. Array(parent, name)
            .Select(p => (Text: Text(p, "text"), Sources: Sources(p, request)))
            .Where(p => p.Text is { Length: > 0 } && p.Sources.Count > 0)
            .Select(p => new KeyPoint(
                SynthesisFacts.Shorten(p.Text!, limits.MaxPointLength),
                [.. p.Sources.Select(c => c.Author.Id).Distinct(StringComparer.Ordinal)],
                [.. p.Sources.Select(c => c.Id)]))
            .Take(max)];

    private static List<Resource> Resources(JsonElement root, SynthesisRequest request, ExtractiveOptions limits)
    {
        var mentioned = SynthesisFacts.Resources(request, int.MaxValue).ToDictionary(r => r.Url, StringComparer.Ordinal);
        return [.. Array(root, "resources")
            .Select(r => Text(r, "url"))
            .Where(u => u is not null && mentioned.ContainsKey(u))
            .Distinct(StringComparer.Ordinal)
            .Select(u => mentioned[u!])
            .Take(limits.MaxResources)];
    }

    private static List<SynthesisContribution> Sources(JsonElement point, SynthesisRequest request) =>
        [.. Array(point, "sources")
            .Where(s => s.ValueKind == JsonValueKind.Number && s.TryGetInt32(out var n) && n >= 1 && n <= request.Contributions.Count)
            .Select(s => request.Contributions[s.GetInt32() - 1])
            .Distinct()];

    private static JsonElement[] Array(JsonElement parent, string name) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? [.. value.EnumerateArray()]
            : [];

    private static string? Text(JsonElement parent, string name) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()?.Trim()
            : null;
}
