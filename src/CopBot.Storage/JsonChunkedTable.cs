using System.Text.Json;
using System.Text.Json.Serialization;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;

namespace CopBot.Storage;

/// <summary>
/// Records kept one per row (partition community, row id, both through <see cref="KeyEncoder"/>) as JSON over the
/// <see cref="JsonChunks"/> columns, plus a few plain columns for people browsing the table. Every change is a
/// read-modify-write that passes the ETag it read and starts over on 412/409 (<see cref="ConcurrencyRetry"/>): the
/// JSON-record stores share this one routine instead of each carrying its own copy.
/// </summary>
internal sealed class JsonChunkedTable<T>(
    TableClient table,
    Func<T, (string Community, string Id)> keyOf,
    Action<T, TableEntity> addColumns,
    int maxChunks,
    ILogger logger,
    string what)
    where T : class
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>Adds the record; when its row exists already (a redelivery), returns the stored one instead.</summary>
    public async Task<(T Stored, bool Created)> AddOrGetAsync(T record, CancellationToken cancellationToken)
    {
        try
        {
            await table.AddEntityAsync(ToEntity(record), cancellationToken);
            return (record, true);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            var (community, id) = keyOf(record);
            var existing = await GetAsync(community, id, cancellationToken);
            return (existing ?? throw new InvalidOperationException($"{what} {id} exists but could not be read."), false);
        }
    }

    public async Task<T?> GetAsync(string community, string id, CancellationToken cancellationToken) =>
        (await ReadAsync(community, id, cancellationToken))?.Record;

    /// <summary>Every record of the community's partition.</summary>
    public async Task<IReadOnlyList<T>> ListAsync(string community, CancellationToken cancellationToken)
    {
        var all = new List<T>();
        await foreach (var row in table.QueryAsync<TableEntity>(r => r.PartitionKey == KeyEncoder.Encode(community), cancellationToken: cancellationToken))
        {
            all.Add(Deserialize(row));
        }

        return all;
    }

    /// <summary>
    /// Changes an existing record: <paramref name="change"/> returns the new record, or null to leave it as it is.
    /// Null when there is no such record; otherwise what is stored afterwards.
    /// </summary>
    public Task<T?> UpdateAsync(
        string community, string id, Func<T, T?> change, Func<T, CancellationToken, Task>? afterWrite, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        return ReadModifyWriteAsync(community, id, stored => stored is null ? null : change(stored), afterWrite, cancellationToken);
    }

    /// <summary>
    /// Reads the row (null when missing), lets <paramref name="decide"/> return the record to store (null = write
    /// nothing), and adds it or replaces it with the ETag read; another writer in between (412/409) means start over.
    /// Returns what is stored afterwards. <paramref name="afterWrite"/> runs inside the attempt, after a write only.
    /// </summary>
    public Task<T?> ReadModifyWriteAsync(
        string community, string id, Func<T?, T?> decide, Func<T, CancellationToken, Task>? afterWrite, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(decide);
        return ConcurrencyRetry.RunAsync(async ct =>
        {
            var stored = await ReadAsync(community, id, ct);
            var next = decide(stored?.Record);
            if (next is null)
            {
                return stored?.Record;
            }

            if (stored is null)
            {
                await table.AddEntityAsync(ToEntity(next), ct);
            }
            else
            {
                await table.UpdateEntityAsync(ToEntity(next), stored.Value.ETag, TableUpdateMode.Replace, ct);
            }

            if (afterWrite is not null)
            {
                await afterWrite(next, ct);
            }

            return next;
        }, logger, what, cancellationToken);
    }

    private async Task<(T Record, ETag ETag)?> ReadAsync(string community, string id, CancellationToken cancellationToken)
    {
        var row = await table.GetEntityIfExistsAsync<TableEntity>(KeyEncoder.Encode(community), KeyEncoder.Encode(id), cancellationToken: cancellationToken);
        return row.HasValue ? (Deserialize(row.Value!), row.Value!.ETag) : null;
    }

    private static T Deserialize(TableEntity row) => JsonSerializer.Deserialize<T>(JsonChunks.Read(row), Options)!;

    private TableEntity ToEntity(T record)
    {
        var (community, id) = keyOf(record);
        var entity = new TableEntity(KeyEncoder.Encode(community), KeyEncoder.Encode(id));
        addColumns(record, entity);
        JsonChunks.Write(entity, JsonSerializer.Serialize(record, Options), maxChunks, $"{what} {id}");
        return entity;
    }
}
