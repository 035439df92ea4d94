namespace CopBot.Community;

/// <summary>Queries in Table Storage; every change is an optimistic read-modify-write.</summary>
public interface IQueryStore
{
    /// <summary>Stores a new query; when one with the same id exists (a redelivered message) returns that one and false.</summary>
    Task<(QueryRequest Stored, bool Created)> CreateAsync(QueryRequest query, CancellationToken cancellationToken);

    Task<QueryRequest?> GetAsync(string community, string id, CancellationToken cancellationToken);

    /// <summary>
    /// Applies <paramref name="change"/> to the stored query and writes it with the ETag it read, re-reading and
    /// re-applying when someone else wrote first. A change that returns null leaves the row untouched.
    /// </summary>
    /// <summary>Ids of the community's open queries (a small index row per open query, removed when it closes).</summary>
    Task<IReadOnlyList<string>> ListOpenAsync(string community, CancellationToken cancellationToken);

    /// <summary>Every query of the community, open or closed (the community's indicators; a partition scan).</summary>
    Task<IReadOnlyList<QueryRequest>> ListAsync(string community, CancellationToken cancellationToken);

    Task<QueryRequest?> UpdateAsync(string community, string id, Func<QueryRequest, QueryRequest?> change, CancellationToken cancellationToken);
}
