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
    /// Takes what was read from the store, whose read began when <see cref="Current"/> was <paramref name="readFrom"/>.
    /// A pair (expert, topic) amended since then keeps its entries here: the read may predate the amendment. The rest
    /// comes from the read; the next reload brings in the amended pairs as stored.
    /// </summary>
    public void Replace(IReadOnlyList<RoutingFeedback> read, IReadOnlyList<RoutingFeedback> readFrom)
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(readFrom);
        var before = readFrom.ToHashSet(ReferenceEqualityComparer.Instance);
        IReadOnlyList<RoutingFeedback> current, next;
        do
        {
            current = Current;
            // Add appends new entries, so an entry the read's starting point lacks was added meanwhile.
            var amended = current.Where(f => !before.Contains(f)).Select(f => (f.ExpertId, f.Tag)).ToHashSet();
            next = amended.Count == 0
                ? read
                : [.. read.Where(f => !amended.Contains((f.ExpertId, f.Tag))), .. current.Where(f => amended.Contains((f.ExpertId, f.Tag)))];
        }
        while (Interlocked.CompareExchange(ref _current, next, current) != current);
    }

    public void Add(IReadOnlyList<RoutingFeedback> added)
    {
        IReadOnlyList<RoutingFeedback> current, next;
        do
        {
            current = Current;
            next = [.. current, .. added];
        }
        while (Interlocked.CompareExchange(ref _current, next, current) != current);
    }
}
