namespace CopBot.Community;

/// <summary>
/// The community's monitoring indicators for a period [<paramref name="From"/>, <paramref name="To"/>): who takes part,
/// how requests fare, where the gaps are, who contributes. Computed from stored data by <see cref="IndicatorCalculator"/>.
/// </summary>
public sealed record CommunityIndicators(
    string Community,
    DateTimeOffset From,
    DateTimeOffset To,
    int Members,
    int Experts,
    int ActiveContributors,
    ParticipationLevels Participation,
    IReadOnlyList<CountByName> RequestsByModality,
    int Requests,
    int Answered,
    TimeSpan? MedianTimeToFirstAnswer,
    int AnsweredFromKnowledgeBase,
    int KnowledgeEntriesPublished,
    IReadOnlyList<TopicGap> Gaps,
    IReadOnlyList<CountByName> TopContributors)
{
    /// <summary>Consultation reviews submitted in the period.</summary>
    public int ReviewsCompleted { get; init; }

    /// <summary>Share of the period's requests with at least one answer (0 when there were none).</summary>
    public double AnswerRate => Requests == 0 ? 0 : (double)Answered / Requests;
}

/// <summary>Levels of participation among the members: contributing (answered), asking only, and silent.</summary>
public sealed record ParticipationLevels(int Contributing, int AskingOnly, int Silent);

public sealed record CountByName(string Name, int Count);

/// <summary>A topic asked about in the period whose requests got no answer: where the community lacks expertise.</summary>
public sealed record TopicGap(string Topic, int Requests, int Unanswered);
