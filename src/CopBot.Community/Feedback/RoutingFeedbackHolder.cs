namespace CopBot.Community;

/// <summary>
/// The community's feedback in memory for the ranker, like the expert index: reloaded with it, and amended at once
/// when this instance records feedback so the very next question already reflects it.
/// </summary>
public sealed class RoutingFeedbackHolder
{
    private IReadOnlyList<RoutingFeedback> _current = [];

    public IReadOnlyList<RoutingFeedback> Current => Volatile.Read(ref _current);

    /// <summary>
    /// Reloads from the store. A pair (expert, topic) amended here while the store was read keeps its entries: the read
    /// may predate the amendment. The rest comes from the read; the next reload brings the amended pairs in as stored.
    /// </summary>
    public async Task<IReadOnlyList<RoutingFeedback>> RefreshAsync(IRoutingFeedbackStore store, string community, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var readFrom = Current.ToHashSet(ReferenceEqualityComparer.Instance);
        var read = await store.ListAsync(community, cancellationToken);
        return SnapshotSwap.Update(ref _current, current =>
        {
            // Add appends new entries, so an entry the read's starting point lacks was added meanwhile.
            var amended = current.Where(f => !readFrom.Contains(f)).Select(f => (f.ExpertId, f.Tag)).ToHashSet();
            return amended.Count == 0
                ? read
                : [.. read.Where(f => !amended.Contains((f.ExpertId, f.Tag))), .. current.Where(f => amended.Contains((f.ExpertId, f.Tag)))];
        });
    }

    public void Add(IReadOnlyList<RoutingFeedback> added) => SnapshotSwap.Update(ref _current, current => [.. current, .. added]);
}
