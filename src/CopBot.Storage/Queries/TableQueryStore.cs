using Azure.Data.Tables;
using CopBot.Community;
using Microsoft.Extensions.Logging;

namespace CopBot.Storage;

/// <summary>
/// Queries as one row each (partition community, row query id), with an open-query index for the deadline checker.
/// The record is kept as JSON split over a few columns, because answers can exceed one property's 64 KiB; the row as
/// a whole stays far below 1 MiB.
/// </summary>
public sealed class TableQueryStore(CopBotTables tables, ILogger<TableQueryStore> logger) : IQueryStore
{
    private readonly JsonDocumentTable<QueryRequest> _table = new(
        tables.Queries, tables.OpenQueries, q => (q.Community, q.Id), q => q.Status != QueryStatus.Closed, logger, "query", Columns);

    public Task<(QueryRequest Stored, bool Created)> CreateAsync(QueryRequest query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        return _table.CreateAsync(query, cancellationToken);
    }

    public Task<QueryRequest?> GetAsync(string community, string id, CancellationToken cancellationToken) => _table.GetAsync(community, id, cancellationToken);

    public Task<IReadOnlyList<string>> ListOpenAsync(string community, CancellationToken cancellationToken) => _table.ListOpenAsync(community, cancellationToken);

    public Task<IReadOnlyList<QueryRequest>> ListAsync(string community, CancellationToken cancellationToken) => _table.ListAsync(community, cancellationToken);

    public Task<QueryRequest?> UpdateAsync(string community, string id, Func<QueryRequest, QueryRequest?> change, CancellationToken cancellationToken) =>
        _table.UpdateAsync(community, id, change, cancellationToken);

    // Plain columns for people browsing the table; the JSON is what is read back.
    private static void Columns(QueryRequest query, TableEntity entity)
    {
        entity["Status"] = query.Status.ToString();
        entity["AskerId"] = query.AskerId;
        entity["CreatedAt"] = query.CreatedAt;
    }
}
