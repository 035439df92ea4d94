namespace CopBot.Community;

/// <summary>
/// The query store as the bot uses it: every write also tells <see cref="OpenRequestLoad"/> what it changed, so the
/// cached open-request counts follow this instance's asks, answers, declines, time-outs and closings without a
/// recount. Reads pass straight through. (The load itself counts through the undecorated store.)
/// </summary>
public sealed class LoadTrackingQueryStore(IQueryStore inner, OpenRequestLoad load) : IQueryStore
{
    public async Task<(QueryRequest Stored, bool Created)> CreateAsync(QueryRequest query, CancellationToken cancellationToken)
    {
        load.WriteStarting();
        try
        {
            var (stored, created) = await inner.CreateAsync(query, cancellationToken);
            load.WriteEnded(created ? null : stored, stored);
            return (stored, created);
        }
        catch
        {
            load.WriteFailed();
            throw;
        }
    }

    public Task<QueryRequest?> GetAsync(string community, string id, CancellationToken cancellationToken) => inner.GetAsync(community, id, cancellationToken);

    public Task<IReadOnlyList<string>> ListOpenAsync(string community, CancellationToken cancellationToken) => inner.ListOpenAsync(community, cancellationToken);

    public Task<IReadOnlyList<QueryRequest>> ListAsync(string community, CancellationToken cancellationToken) => inner.ListAsync(community, cancellationToken);

    public async Task<QueryRequest?> UpdateAsync(string community, string id, Func<QueryRequest, QueryRequest?> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        QueryRequest? before = null;
        load.WriteStarting();
        try
        {
            // The store re-applies the change after a concurrent write: the last row it was given is what the stored result replaced.
            var after = await inner.UpdateAsync(community, id, q =>
            {
                before = q;
                return change(q);
            }, cancellationToken);
            load.WriteEnded(before, after);
            return after;
        }
        catch
        {
            load.WriteFailed();
            throw;
        }
    }
}
