namespace CopBot.Community;

/// <summary>
/// How many open requests each expert currently holds, of every modality, for the
/// <see cref="ExpertProfile.MaxOpenRequests"/> cap: queries where they are asked and have not answered or declined,
/// and discussion, consultation and working-group invitations they have not answered yet (see
/// <see cref="OpenInvitations"/>). Counting is one pass over the community's open requests, every modality at once
/// (each lists its open index, then reads the rows concurrently: about one round trip on the routing turn), so the
/// counts are cached for <see cref="MaxAge"/>.
/// Every request write of this instance goes through a tracking store (<see cref="LoadTrackingQueryStore"/>, and
/// <see cref="LoadTrackingRequestStore{T}"/> for the invitation modalities), which adjusts the cached counts in place
/// by what the write changed (+1 for an expert asked or invited, −1 for one who answered, declined, timed out or
/// joined, or whose request closed): on this instance the cap is exact without recounting. Adjusting rather than
/// forgetting the counts matters for the invitation modalities: most of their writes (contributions, reviews, tasks,
/// card ids, nudges) change no invitation, and forgetting on each would recount on the next routing. The full recount
/// after <see cref="MaxAge"/> is what brings in other instances' writes.
/// </summary>
public sealed class OpenRequestLoad(IQueryStore queries, IReadOnlyList<IOpenRequestCounter> invitations, TimeProvider clock)
{
    /// <summary>Counts queries only (no invitation modality); the host passes every modality's counter.</summary>
    public OpenRequestLoad(IQueryStore queries, TimeProvider clock)
        : this(queries, [], clock)
    {
    }

    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(30);

    // Queries are counted like any other modality: asked experts of open queries hold the slots.
    private readonly IReadOnlyList<IOpenRequestCounter> _counters = [new OpenRequestCounter<QueryRequest>(queries, Holders), .. invitations];

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

        // Every modality counts at once: this pass sits on the routing turn, so its latency is one listing and one
        // round of concurrent reads, not one per modality or per open request.
        var held = await Task.WhenAll([.. _counters.Select(c => c.HoldersAsync(community, cancellationToken))]);
        var counted = new Counts(community, now, Tally(held.SelectMany(h => h)));
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

    /// <summary>A request write of this instance begins (any modality); end it with <c>WriteEnded</c> or <see cref="WriteFailed"/>.</summary>
    public void WriteStarting()
    {
        lock (_gate)
        {
            _writeEvents++;
            _writesInFlight++;
        }
    }

    /// <summary>
    /// A write of any modality ended: in <paramref name="community"/> (null: nothing was stored) the written request's
    /// open slots went from <paramref name="heldBefore"/> to <paramref name="heldAfter"/> (one member id per slot).
    /// </summary>
    public void WriteEnded(string? community, IEnumerable<string> heldBefore, IEnumerable<string> heldAfter)
    {
        var change = community is null ? [] : Difference(heldBefore, heldAfter);
        lock (_gate)
        {
            _writeEvents++;
            _writesInFlight--;
            if (change.Count > 0 && _cached is { } cached && cached.Community == community)
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
        return Tally(openQueries.SelectMany(Holders));
    }

    /// <summary>One expert id per slot the query holds (see <see cref="Count"/>); none for a closed query or no row.</summary>
    public static IEnumerable<string> Holders(QueryRequest? query) =>
        query is { Status: QueryStatus.Open }
            ? query.Experts.Where(e => e.State == AssignmentState.Asked).Select(e => e.ExpertId)
            : [];

    /// <summary>What one write changes: per expert, slots taken (+) or freed (−).</summary>
    internal static Dictionary<string, int> Difference(IEnumerable<string> heldBefore, IEnumerable<string> heldAfter)
    {
        var change = new Dictionary<string, int>(Tally(heldAfter), StringComparer.Ordinal);
        foreach (var (expert, held) in Tally(heldBefore))
        {
            change[expert] = change.GetValueOrDefault(expert) - held;
        }

        foreach (var unchanged in change.Where(c => c.Value == 0).Select(c => c.Key).ToList())
        {
            change.Remove(unchanged);
        }

        return change;
    }

    private static Dictionary<string, int> Tally(IEnumerable<string> holders)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var expert in holders)
        {
            counts[expert] = counts.GetValueOrDefault(expert) + 1;
        }

        return counts;
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
