namespace CopBot.Community;

/// <summary>
/// How many open queries each expert currently holds (asked, not answered, not declined), for the
/// <see cref="ExpertProfile.MaxOpenRequests"/> cap. Counting is one pass over the community's open queries (the
/// open index, then the open queries' rows read concurrently), so the counts are cached for <see cref="MaxAge"/>.
/// Every query write of this instance goes through <see cref="LoadTrackingQueryStore"/>, which adjusts the cached
/// counts in place by what the write changed (+1 for an expert asked, −1 for one who answered, declined or timed out,
/// or whose query closed): on this instance the cap is exact without recounting. The full recount after
/// <see cref="MaxAge"/> is what brings in other instances' writes.
/// </summary>
public sealed class OpenRequestLoad(IQueryStore queries, TimeProvider clock)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(30);

    private readonly Lock _gate = new();
    private Counts? _cached;

    // Writes begun (and ended) so far, and those still running: a counting pass that overlaps any write may have read
    // the row before or after it, so it is returned but not cached.
    private long _writeEvents;
    private int _writesInFlight;

    /// <summary>Open requests per expert id of the community.</summary>
    public async Task<IReadOnlyDictionary<string, int>> CountsAsync(string community, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        long writesAtStart;
        lock (_gate)
        {
            if (_cached is { } cached && cached.Community == community && now - cached.At < MaxAge && now >= cached.At)
            {
                return cached.PerExpert;
            }

            writesAtStart = _writesInFlight == 0 ? _writeEvents : -1;
        }

        // The reads run concurrently: this pass sits on the routing turn, so its latency is one round-trip, not one per
        // open query. The open index may briefly list a query that is closing or was never written: the row decides.
        var ids = await queries.ListOpenAsync(community, cancellationToken);
        var rows = await Task.WhenAll(ids.Select(id => queries.GetAsync(community, id, cancellationToken)));
        var counted = new Counts(community, now, Count(rows.Where(q => q is { Status: QueryStatus.Open }).Select(q => q!)));
        lock (_gate)
        {
            if (writesAtStart == _writeEvents && _writesInFlight == 0)
            {
                _cached = counted;
            }
        }

        return counted.PerExpert;
    }

    /// <summary>Forgets the counts: the next routing counts afresh.</summary>
    public void Invalidate()
    {
        lock (_gate)
        {
            _cached = null;
        }
    }

    /// <summary>A query write of this instance begins; end it with <see cref="WriteEnded"/> or <see cref="WriteFailed"/>.</summary>
    public void WriteStarting()
    {
        lock (_gate)
        {
            _writeEvents++;
            _writesInFlight++;
        }
    }

    /// <summary>
    /// The write left <paramref name="after"/> where <paramref name="before"/> was (null before: there was no row; null
    /// after: nothing was stored): the cached counts move by the difference, so the next routing sees it without a recount.
    /// </summary>
    public void WriteEnded(QueryRequest? before, QueryRequest? after)
    {
        var change = after is null ? [] : Difference(before, after);
        lock (_gate)
        {
            _writeEvents++;
            _writesInFlight--;
            if (change.Count > 0 && _cached is { } cached && cached.Community == after!.Community)
            {
                _cached = cached with { PerExpert = Apply(cached.PerExpert, change) };
            }
        }
    }

    /// <summary>The write threw: it may or may not have landed, so the counts are forgotten (the next routing recounts).</summary>
    public void WriteFailed()
    {
        lock (_gate)
        {
            _writeEvents++;
            _writesInFlight--;
            _cached = null;
        }
    }

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

    /// <summary>What one query's write changes in <see cref="Count"/>: per expert, slots taken (+) or freed (−).</summary>
    internal static Dictionary<string, int> Difference(QueryRequest? before, QueryRequest after)
    {
        var change = new Dictionary<string, int>(Count([after]), StringComparer.Ordinal);
        foreach (var (expert, held) in Count(before is null ? [] : [before]))
        {
            change[expert] = change.GetValueOrDefault(expert) - held;
        }

        foreach (var unchanged in change.Where(c => c.Value == 0).Select(c => c.Key).ToList())
        {
            change.Remove(unchanged);
        }

        return change;
    }

    private static Dictionary<string, int> Apply(IReadOnlyDictionary<string, int> counts, Dictionary<string, int> change)
    {
        var next = new Dictionary<string, int>(counts, StringComparer.Ordinal);
        foreach (var (expert, delta) in change)
        {
            var held = next.GetValueOrDefault(expert) + delta;
            if (held > 0)
            {
                next[expert] = held;
            }
            else
            {
                next.Remove(expert);
            }
        }

        return next;
    }

    private sealed record Counts(string Community, DateTimeOffset At, IReadOnlyDictionary<string, int> PerExpert);
}
