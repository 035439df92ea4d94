namespace CopBot.Community;

/// <summary>
/// A request nobody in the profile index had evidence for (the ranker's best relevance stayed under the gap
/// threshold), for one of its topics. Recorded once per request and topic, so a retried turn counts once.
/// </summary>
public sealed record KnowledgeGap(string Community, string Topic, string RequestId, string Question, DateTimeOffset At)
{
    /// <summary>The topic recorded for a request with no explicit or inferred topic.</summary>
    public const string NoTopic = "(no topic)";
}

/// <summary>A topic's gaps: how many requests found nobody, and the latest of them.</summary>
public sealed record GapSummary(string Topic, int Requests, string LatestQuestion, DateTimeOffset LatestAt)
{
    /// <summary>Per topic, most requests first (then most recent), at most <paramref name="max"/> topics.</summary>
    public static IReadOnlyList<GapSummary> Summarize(IEnumerable<KnowledgeGap> gaps, int max)
    {
        ArgumentNullException.ThrowIfNull(gaps);
        return [.. gaps
            .GroupBy(g => g.Topic, StringComparer.Ordinal)
            .Select(g =>
            {
                var latest = g.MaxBy(x => x.At)!;
                return new GapSummary(g.Key, g.Select(x => x.RequestId).Distinct(StringComparer.Ordinal).Count(), latest.Question, latest.At);
            })
            .OrderByDescending(s => s.Requests).ThenByDescending(s => s.LatestAt).ThenBy(s => s.Topic, StringComparer.Ordinal)
            .Take(max)];
    }
}

/// <summary>Where knowledge gaps are kept (Table Storage in the host).</summary>
public interface IKnowledgeGapStore
{
    /// <summary>Records the gap; recording the same request and topic again changes nothing.</summary>
    Task RecordAsync(KnowledgeGap gap, CancellationToken cancellationToken);

    Task<IReadOnlyList<KnowledgeGap>> ListAsync(string community, CancellationToken cancellationToken);
}
