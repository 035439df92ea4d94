namespace CopBot.Community;

/// <summary>
/// Queries in Table Storage; every change is an optimistic read-modify-write: <c>UpdateAsync</c> applies the change to
/// the stored query and writes it with the ETag it read, re-reading and re-applying when someone else wrote first
/// (a change that returns null leaves the row untouched). <c>ListOpenAsync</c> reads a small index row per open query,
/// removed when it closes.
/// </summary>
public interface IQueryStore : IRequestStore<QueryRequest>
{
    /// <summary>Stores a new query; when one with the same id exists (a redelivered message) returns that one and false.</summary>
    Task<(QueryRequest Stored, bool Created)> CreateAsync(QueryRequest query, CancellationToken cancellationToken);

    /// <summary>Every query of the community, open or closed (the community's indicators; a partition scan).</summary>
    Task<IReadOnlyList<QueryRequest>> ListAsync(string community, CancellationToken cancellationToken);
}
