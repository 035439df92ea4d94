using System.Text.Json;
using System.Text.Json.Serialization;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;

namespace CopBot.Storage;

/// <summary>
/// A request record of any modality kept as one row (partition community, row id): JSON split over a few columns
/// (one property holds 32 Ki characters), written with the ETag it read, plus a small index row per open record so
/// deadline checks never scan closed ones. The modality stores are thin wrappers over this.
/// </summary>
internal sealed class JsonDocumentTable<T>(TableClient documents, TableClient openIndex, Func<T, (string Community, string Id)> keyOf, Func<T, bool> isOpen, ILogger logger, string what)
    where T : class
{
    private const int MaxChunks = 12;

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public async Task<(T Stored, bool Created)> CreateAsync(T document, CancellationToken cancellationToken)
    {
        var (community, id) = keyOf(document);
        try
        {
            // Index first: an index row whose record never got written is only skipped by the deadline checker.
            await openIndex.UpsertEntityAsync(new TableEntity(KeyEncoder.Encode(community), KeyEncoder.Encode(id)), TableUpdateMode.Replace, cancellationToken);
            await documents.AddEntityAsync(ToEntity(document), cancellationToken);
            return (document, true);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            var existing = await GetAsync(community, id, cancellationToken);
            return (existing ?? throw new InvalidOperationException($"{what} {id} exists but could not be read."), false);
        }
    }

    public async Task<T?> GetAsync(string community, string id, CancellationToken cancellationToken) =>
        (await ReadAsync(community, id, cancellationToken))?.Document;

    public async Task<IReadOnlyList<string>> ListOpenAsync(string community, CancellationToken cancellationToken)
    {
        var ids = new List<string>();
        await foreach (var row in openIndex.QueryAsync<TableEntity>(r => r.PartitionKey == KeyEncoder.Encode(community), select: ["RowKey"], cancellationToken: cancellationToken))
        {
            ids.Add(KeyEncoder.Decode(row.RowKey));
        }

        return ids;
    }

    /// <summary>Every document of the community (the indicators read them; communities hold hundreds, not millions).</summary>
    public async Task<IReadOnlyList<T>> ListAsync(string community, CancellationToken cancellationToken)
    {
        var all = new List<T>();
        await foreach (var row in documents.QueryAsync<TableEntity>(r => r.PartitionKey == KeyEncoder.Encode(community), cancellationToken: cancellationToken))
        {
            all.Add(Deserialize(row));
        }

        return all;
    }

    public Task<T?> UpdateAsync(string community, string id, Func<T, T?> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        return ConcurrencyRetry.RunAsync(async ct =>
        {
            var stored = await ReadAsync(community, id, ct);
            if (stored is null)
            {
                return null;
            }

            var changed = change(stored.Value.Document);
            if (changed is null)
            {
                return stored.Value.Document;
            }

            await documents.UpdateEntityAsync(ToEntity(changed), stored.Value.ETag, TableUpdateMode.Replace, ct);
            if (!isOpen(changed))
            {
                await openIndex.DeleteEntityAsync(KeyEncoder.Encode(community), KeyEncoder.Encode(id), ETag.All, ct);
            }

            return changed;
        }, logger, what, cancellationToken);
    }

    private async Task<(T Document, ETag ETag)?> ReadAsync(string community, string id, CancellationToken cancellationToken)
    {
        var row = await documents.GetEntityIfExistsAsync<TableEntity>(KeyEncoder.Encode(community), KeyEncoder.Encode(id), cancellationToken: cancellationToken);
        if (!row.HasValue)
        {
            return null;
        }

        return (Deserialize(row.Value!), row.Value!.ETag);
    }

    private static T Deserialize(TableEntity row) => JsonSerializer.Deserialize<T>(JsonChunks.Read(row), Options)!;

    private TableEntity ToEntity(T document)
    {
        var (community, id) = keyOf(document);
        var entity = new TableEntity(KeyEncoder.Encode(community), KeyEncoder.Encode(id)) { ["Open"] = isOpen(document) };
        JsonChunks.Write(entity, JsonSerializer.Serialize(document, Options), MaxChunks, $"{what} {id}");
        return entity;
    }
}
