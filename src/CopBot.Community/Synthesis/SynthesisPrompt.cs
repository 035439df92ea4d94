using System.Globalization;
using System.Text;

namespace CopBot.Community;

/// <summary>
/// The instructions and the grounded material a language model drafts from: the request and the contributions,
/// numbered so every point it writes can cite them. Long threads are cut to a character budget, longest-first never:
/// contributions keep their order and each is capped, so early and late voices both reach the model.
/// </summary>
public static class SynthesisPrompt
{
    public const int MaxContributionLength = 1500;
    public const int MaxTotalLength = 60_000;

    public const string System = """
        You are a facilitator of a community of practice. You write a consolidated reply from the contributions to a
        member's request. Use only what the contributions say; never add facts of your own. Every point must cite the
        numbers of the contributions it comes from. Answer with one JSON object and nothing else, in this shape:
        {"synopsis": "2-4 sentences",
         "themes": [{"label": "2-4 words", "points": [{"text": "one sentence", "sources": [1, 2]}]}],
         "resources": [{"url": "a link copied from a contribution", "sources": [3]}],
         "disagreements": [{"text": "...", "sources": [2]}],
         "openQuestions": [{"text": "...", "sources": [4]}],
         "nextSteps": [{"text": "...", "sources": [1]}]}
        At most 4 themes, 12 points in all, 5 items in each other list. Use empty lists where nothing fits.
        """;

    public static string User(SynthesisRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Request ({request.Modality}) from {request.Requester.Name}:\n{request.Text}\n\nContributions:\n");
        for (var i = 0; i < request.Contributions.Count; i++)
        {
            var contribution = request.Contributions[i];
            var entry = string.Create(CultureInfo.InvariantCulture,
                $"[{i + 1}] {contribution.Author.Name}{(contribution.Author.Organization is { } o ? $" ({o})" : "")}: {SynthesisFacts.Shorten(contribution.Text, MaxContributionLength)}\n");
            if (text.Length + entry.Length > MaxTotalLength)
            {
                text.Append(CultureInfo.InvariantCulture, $"({request.Contributions.Count - i} more contributions left out for length.)\n");
                break;
            }

            text.Append(entry);
        }

        return text.ToString();
    }
}
