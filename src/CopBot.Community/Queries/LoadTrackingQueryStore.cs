namespace CopBot.Community;

/// <summary>
/// The query store as the bot uses it: every write also tells <see cref="OpenRequestLoad"/> what it changed, so the
/// cached open-request counts follow this instance's asks, answers, declines, time-outs and closings without a
/// recount (the same tracking as the invitation modalities'). Reads pass straight through.
/// </summary>
public sealed class LoadTrackingQueryStore(IQueryStore inner, OpenRequestLoad load)
    : LoadTrackingRequestStore<QueryRequest>(inner, load, OpenRequestLoad.Holders), IQueryStore
{
    public Task<(QueryRequest Stored, bool Created)> CreateAsync(QueryRequest query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        return CreateTrackedAsync(query.Community, () => inner.CreateAsync(query, cancellationToken));
    }

    public Task<IReadOnlyList<QueryRequest>> ListAsync(string community, CancellationToken cancellationToken) => inner.ListAsync(community, cancellationToken);
}
