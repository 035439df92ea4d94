using System.Text.Json;
using System.Text.Json.Serialization;
using Azure;
using Azure.Data.Tables;
using CopBot.Community;

namespace CopBot.Storage;

/// <summary>
/// Knowledge entries in Table Storage (partition community, row entry id; the entry as JSON over a few columns, since
/// a synthesis can exceed one property's 64 KiB) and searched in memory: each community's BM25 index is loaded at its
/// first search, extended by every add on this instance, and merged with storage by <see cref="RefreshAsync"/>.
/// </summary>
public sealed class TableKnowledgeBase(CopBotTables tables, KnowledgeIndexSet indexes) : IKnowledgeBase
{
    // 200 000 characters of text plus lists, escaped: well inside a 1 MiB row.
    private const int MaxChunks = 14;

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public async Task<(KnowledgeEntry Stored, bool Created)> AddAsync(KnowledgeEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        entry.Validate();
        try
        {
            await tables.Knowledge.AddEntityAsync(ToEntity(entry), cancellationToken);
            indexes.Apply(entry);
            return (entry, true);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            var existing = await GetAsync(entry.Community, entry.Id, cancellationToken)
                ?? throw new InvalidOperationException($"Knowledge entry {entry.Id} exists but could not be read.");
            indexes.Apply(existing);
            return (existing, false);
        }
    }

    public async Task<KnowledgeEntry?> GetAsync(string community, string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(community);
        ArgumentNullException.ThrowIfNull(id);
        var row = await tables.Knowledge.GetEntityIfExistsAsync<TableEntity>(KeyEncoder.Encode(community), KeyEncoder.Encode(id), cancellationToken: cancellationToken);
        return row.HasValue ? FromEntity(row.Value!) : null;
    }

    public async Task<IReadOnlyList<KnowledgeEntry>> ListAsync(string community, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(community);
        var entries = new List<KnowledgeEntry>();
        await foreach (var row in tables.Knowledge.QueryAsync<TableEntity>(r => r.PartitionKey == KeyEncoder.Encode(community), cancellationToken: cancellationToken))
        {
            entries.Add(FromEntity(row));
        }

        return [.. entries.OrderByDescending(e => e.PublishedAt).ThenBy(e => e.Id, StringComparer.Ordinal)];
    }

    public async Task<IReadOnlyList<KnowledgeMatch>> SearchAsync(string community, string text, int top, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(community);
        var index = indexes.Find(community);
        if (index is null)
        {
            await RefreshAsync(community, cancellationToken);
            index = indexes.Find(community)!;
        }

        return index.Search(text ?? string.Empty, top);
    }

    public async Task RefreshAsync(string community, CancellationToken cancellationToken) =>
        indexes.Load(community, await ListAsync(community, cancellationToken));

    private static TableEntity ToEntity(KnowledgeEntry entry)
    {
        var entity = new TableEntity(KeyEncoder.Encode(entry.Community), KeyEncoder.Encode(entry.Id))
        {
            // Plain columns for people browsing the table; the JSON is what is read back.
            ["Kind"] = entry.Kind.ToString(),
            ["Title"] = entry.Title,
            ["PublishedAt"] = entry.PublishedAt,
        };
        JsonChunks.Write(entity, JsonSerializer.Serialize(entry, Options), MaxChunks, $"Knowledge entry {entry.Id}");
        return entity;
    }

    private static KnowledgeEntry FromEntity(TableEntity row) =>
        JsonSerializer.Deserialize<KnowledgeEntry>(JsonChunks.Read(row), Options)
        ?? throw new InvalidOperationException($"Knowledge row {row.RowKey} holds no entry.");
}
