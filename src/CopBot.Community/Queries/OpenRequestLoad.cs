namespace CopBot.Community;

/// <summary>
/// How many open queries each expert currently holds (asked, not answered, not declined), for the
/// <see cref="ExpertProfile.MaxOpenRequests"/> cap. Counting is one pass over the community's open queries (the
/// open index, then the open queries' rows read concurrently), so the counts are cached for <see cref="MaxAge"/>: a burst of
/// questions pays the pass once. <see cref="Invalidate"/> is called whenever this instance asks an expert, so on
/// this instance the cap is exact; another instance's asks are seen within <see cref="MaxAge"/>. Answers and
/// declines are not signalled: until the cache expires they only keep an expert skipped a little longer.
/// </summary>
public sealed class OpenRequestLoad(IQueryStore queries, TimeProvider clock)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(30);

    private Counts? _cached;

    /// <summary>Open requests per expert id of the community.</summary>
    public async Task<IReadOnlyDictionary<string, int>> CountsAsync(string community, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (Volatile.Read(ref _cached) is { } cached && cached.Community == community && now - cached.At < MaxAge && now >= cached.At)
        {
            return cached.PerExpert;
        }

        // The reads run concurrently: this pass sits on the routing turn, so its latency is one round-trip, not one per
        // open query. The open index may briefly list a query that is closing or was never written: the row decides.
        var ids = await queries.ListOpenAsync(community, cancellationToken);
        var rows = await Task.WhenAll(ids.Select(id => queries.GetAsync(community, id, cancellationToken)));
        var open = rows.Where(q => q is { Status: QueryStatus.Open }).Select(q => q!);

        var counted = new Counts(community, now, Count(open));
        Volatile.Write(ref _cached, counted);
        return counted.PerExpert;
    }

    /// <summary>Forgets the counts, e.g. after this instance asked someone: the next routing counts afresh.</summary>
    public void Invalidate() => Volatile.Write(ref _cached, null);

    /// <summary>
    /// Per expert id, the open queries where they are asked and have not answered or declined. A timed-out expert
    /// holds no slot: the query has moved on to someone else (a late answer is still welcome).
    /// </summary>
    public static IReadOnlyDictionary<string, int> Count(IEnumerable<QueryRequest> openQueries)
    {
        ArgumentNullException.ThrowIfNull(openQueries);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var expert in openQueries.Where(q => q.Status == QueryStatus.Open).SelectMany(q => q.Experts).Where(e => e.State == AssignmentState.Asked))
        {
            counts[expert.ExpertId] = counts.GetValueOrDefault(expert.ExpertId) + 1;
        }

        return counts;
    }

    private sealed record Counts(string Community, DateTimeOffset At, IReadOnlyDictionary<string, int> PerExpert);
}
