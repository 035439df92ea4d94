using CopBot.Cards;
using CopBot.Community;

namespace CopBot.Features.Synthesis;

/// <summary>
/// Reads the facilitator's edits from the draft card's inputs. Only texts come from the card; who is credited, the
/// links and the statistics come from the stored draft, so forged card data cannot credit or invent anyone.
/// </summary>
public static class SynthesisEdits
{
    public const int MaxPoints = 40;
    public const int MaxPointLength = 600;

    /// <summary>The reply to publish, or the reason the edits cannot be published.</summary>
    public static (ConsolidatedReply? Reply, string? Problem) Read(string? synopsis, string? keyPoints, string? nextSteps, SynthesisDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        synopsis = synopsis?.Trim();
        if (string.IsNullOrEmpty(synopsis))
        {
            return (null, "Write a synopsis before publishing.");
        }

        if (synopsis.Length > SynthesisCardKeys.MaxSynopsisLength || (keyPoints?.Length ?? 0) > SynthesisCardKeys.MaxKeyPointsLength
            || (nextSteps?.Length ?? 0) > SynthesisCardKeys.MaxNextStepsLength)
        {
            return (null, $"The texts are too long: at most {SynthesisCardKeys.MaxSynopsisLength} characters of synopsis, {SynthesisCardKeys.MaxKeyPointsLength} of key points and {SynthesisCardKeys.MaxNextStepsLength} of next steps.");
        }

        var themes = Themes(keyPoints);
        var steps = Lines(nextSteps).Select(Unbullet).Where(s => s.Length > 0).ToList();
        if (themes.Sum(t => t.Points.Count) + steps.Count > MaxPoints || themes.Any(t => t.Points.Any(p => p.Length > MaxPointLength)) || steps.Any(s => s.Length > MaxPointLength))
        {
            return (null, $"Keep to {MaxPoints} points and next steps in all, each under {MaxPointLength} characters.");
        }

        return (new ConsolidatedReply(synopsis, themes, steps, draft.Resources, draft.Disagreements, draft.OpenQuestions, draft.Contributors, draft.Statistics), null);
    }

    /// <summary>A line starting with "-", "•" or "*" is a point of the theme line above it.</summary>
    private static List<PublishedTheme> Themes(string? text)
    {
        var themes = new List<(string Label, List<string> Points)>();
        foreach (var line in Lines(text))
        {
            if (line[0] is '-' or '•' or '*')
            {
                if (themes.Count == 0)
                {
                    themes.Add((ThemeGrouper.SingleLabel, []));
                }

                if (Unbullet(line) is { Length: > 0 } point)
                {
                    themes[^1].Points.Add(point);
                }
            }
            else
            {
                themes.Add((line, []));
            }
        }

        return [.. themes.Where(t => t.Points.Count > 0).Select(t => new PublishedTheme(t.Label, t.Points))];
    }

    private static IEnumerable<string> Lines(string? text) =>
        (text ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0);

    private static string Unbullet(string line) => line.TrimStart('-', '•', '*', ' ', '\t').Trim();
}
