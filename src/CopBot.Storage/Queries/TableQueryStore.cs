using System.Text.Json;
using System.Text.Json.Serialization;
using Azure;
using Azure.Data.Tables;
using CopBot.Community;
using Microsoft.Extensions.Logging;

namespace CopBot.Storage;

/// <summary>
/// Queries as one row each (partition community, row query id). The record is kept as JSON split over a few
/// columns, because answers can exceed one property's 64 KiB; the row as a whole stays far below 1 MiB.
/// </summary>
public sealed class TableQueryStore(CopBotTables tables, ILogger<TableQueryStore> logger) : IQueryStore
{
    private const int MaxChunks = 12;

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public async Task<(QueryRequest Stored, bool Created)> CreateAsync(QueryRequest query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        try
        {
            // Index first: an index row whose query never got written is only skipped by the deadline checker, never lost work.
            await tables.OpenQueries.UpsertEntityAsync(new TableEntity(KeyEncoder.Encode(query.Community), KeyEncoder.Encode(query.Id)), TableUpdateMode.Replace, cancellationToken);
            await tables.Queries.AddEntityAsync(ToEntity(query), cancellationToken);
            return (query, true);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            var existing = await GetAsync(query.Community, query.Id, cancellationToken);
            return (existing ?? throw new InvalidOperationException($"Query {query.Id} exists but could not be read."), false);
        }
    }

    public async Task<QueryRequest?> GetAsync(string community, string id, CancellationToken cancellationToken) =>
        (await ReadAsync(community, id, cancellationToken))?.Query;

    public async Task<IReadOnlyList<string>> ListOpenAsync(string community, CancellationToken cancellationToken)
    {
        var ids = new List<string>();
        await foreach (var row in tables.OpenQueries.QueryAsync<TableEntity>(r => r.PartitionKey == KeyEncoder.Encode(community), select: ["RowKey"], cancellationToken: cancellationToken))
        {
            ids.Add(KeyEncoder.Decode(row.RowKey));
        }

        return ids;
    }

    public async Task<IReadOnlyList<QueryRequest>> ListAsync(string community, CancellationToken cancellationToken)
    {
        var all = new List<QueryRequest>();
        await foreach (var row in tables.Queries.QueryAsync<TableEntity>(r => r.PartitionKey == KeyEncoder.Encode(community), cancellationToken: cancellationToken))
        {
            all.Add(JsonSerializer.Deserialize<QueryRequest>(JsonChunks.Read(row), Options)!);
        }

        return all;
    }

    public Task<QueryRequest?> UpdateAsync(string community, string id, Func<QueryRequest, QueryRequest?> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        return ConcurrencyRetry.RunAsync(async ct =>
        {
            var stored = await ReadAsync(community, id, ct);
            if (stored is null)
            {
                return null;
            }

            var changed = change(stored.Value.Query);
            if (changed is null)
            {
                return stored.Value.Query;
            }

            await tables.Queries.UpdateEntityAsync(ToEntity(changed), stored.Value.ETag, TableUpdateMode.Replace, ct);
            if (changed.Status == QueryStatus.Closed)
            {
                await tables.OpenQueries.DeleteEntityAsync(KeyEncoder.Encode(community), KeyEncoder.Encode(id), ETag.All, ct);
            }

            return changed;
        }, logger, "query", cancellationToken);
    }

    private async Task<(QueryRequest Query, ETag ETag)?> ReadAsync(string community, string id, CancellationToken cancellationToken)
    {
        var row = await tables.Queries.GetEntityIfExistsAsync<TableEntity>(KeyEncoder.Encode(community), KeyEncoder.Encode(id), cancellationToken: cancellationToken);
        if (!row.HasValue)
        {
            return null;
        }

        return (JsonSerializer.Deserialize<QueryRequest>(JsonChunks.Read(row.Value!), Options)!, row.Value!.ETag);
    }

    private static TableEntity ToEntity(QueryRequest query)
    {
        var entity = new TableEntity(KeyEncoder.Encode(query.Community), KeyEncoder.Encode(query.Id))
        {
            ["Status"] = query.Status.ToString(),
            ["AskerId"] = query.AskerId,
            ["CreatedAt"] = query.CreatedAt,
        };
        JsonChunks.Write(entity, JsonSerializer.Serialize(query, Options), MaxChunks, $"Query {query.Id}");
        return entity;
    }
}
