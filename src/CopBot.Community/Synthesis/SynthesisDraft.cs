namespace CopBot.Community;

/// <summary>One point of the consolidated reply and the contributions (and so the people) it came from.</summary>
public sealed record KeyPoint(string Text, IReadOnlyList<string> ContributorIds, IReadOnlyList<string> ContributionIds);

/// <summary>Key points that share key terms, under a short label.</summary>
public sealed record Theme(string Label, IReadOnlyList<KeyPoint> Points);

/// <summary>A link mentioned in the contributions and who mentioned it.</summary>
public sealed record Resource(string Url, IReadOnlyList<string> ContributorIds);

/// <summary>A contributor as credited at the end of the reply.</summary>
public sealed record ContributorCredit(string Id, string Name, string? Organization, int Contributions);

/// <summary>The numbers shown with a consolidated reply.</summary>
/// <param name="TimeToFirstContribution">From the request to its first contribution; null without contributions.</param>
public sealed record SynthesisStatistics(int Contributions, int People, int Organizations, TimeSpan? TimeToFirstContribution);

/// <summary>
/// A consolidated reply as an engine drafts it and a facilitator edits it. Every key point keeps the contributors it
/// came from; <see cref="Contributors"/> credits everyone, including those whose words no point quotes.
/// </summary>
/// <param name="Engine">"extractive" or "llm", so the facilitator knows what drafted it.</param>
public sealed record SynthesisDraft(
    string RequestId,
    string RequestText,
    string Synopsis,
    IReadOnlyList<Theme> Themes,
    IReadOnlyList<Resource> Resources,
    IReadOnlyList<KeyPoint> Disagreements,
    IReadOnlyList<KeyPoint> OpenQuestions,
    IReadOnlyList<KeyPoint> NextSteps,
    IReadOnlyList<ContributorCredit> Contributors,
    SynthesisStatistics Statistics,
    string Engine)
{
    [System.Text.Json.Serialization.JsonIgnore]
    public IEnumerable<KeyPoint> KeyPoints => Themes.SelectMany(t => t.Points);

    /// <summary>Every point of every section, for coverage checks.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IEnumerable<KeyPoint> AllPoints => KeyPoints.Concat(Disagreements).Concat(OpenQuestions).Concat(NextSteps);
}
