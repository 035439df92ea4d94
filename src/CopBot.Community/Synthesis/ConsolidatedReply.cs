namespace CopBot.Community;

/// <summary>A theme of the reply as the facilitator published it: edited label and point texts.</summary>
public sealed record PublishedTheme(string Label, IReadOnlyList<string> Points);

/// <summary>
/// The reply as published: the facilitator's edits (synopsis, key points, next steps) plus what the draft computed and
/// the facilitator cannot forge (links, disagreements, open questions, credits, statistics).
/// </summary>
public sealed record ConsolidatedReply(
    string Synopsis,
    IReadOnlyList<PublishedTheme> Themes,
    IReadOnlyList<string> NextSteps,
    IReadOnlyList<Resource> Resources,
    IReadOnlyList<KeyPoint> Disagreements,
    IReadOnlyList<KeyPoint> OpenQuestions,
    IReadOnlyList<ContributorCredit> Contributors,
    SynthesisStatistics Statistics)
{
    /// <summary>Plain text of the reply, for the knowledge base.</summary>
    public string ToPlainText()
    {
        var text = new System.Text.StringBuilder(Synopsis).AppendLine();
        foreach (var theme in Themes)
        {
            text.AppendLine().AppendLine(theme.Label);
            foreach (var point in theme.Points)
            {
                text.Append("- ").AppendLine(point);
            }
        }

        if (NextSteps.Count > 0)
        {
            text.AppendLine().AppendLine("Next steps");
            foreach (var step in NextSteps)
            {
                text.Append("- ").AppendLine(step);
            }
        }

        foreach (var resource in Resources)
        {
            text.AppendLine(resource.Url);
        }

        return text.ToString().TrimEnd();
    }
}
