using Azure.Data.Tables;
using CopBot.Community;
using Microsoft.Extensions.Logging.Abstractions;

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

    // Entries are only added, never changed, so no concurrent write is ever retried or logged.
    private readonly JsonChunkedTable<KnowledgeEntry> _table = new(tables.Knowledge, e => (e.Community, e.Id), Columns, MaxChunks, NullLogger.Instance, "knowledge entry");

    public async Task<(KnowledgeEntry Stored, bool Created)> AddAsync(KnowledgeEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        entry.Validate();
        var (stored, created) = await _table.AddOrGetAsync(entry, cancellationToken);
        indexes.Apply(stored);
        return (stored, created);
    }

    public Task<KnowledgeEntry?> GetAsync(string community, string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(community);
        ArgumentNullException.ThrowIfNull(id);
        return _table.GetAsync(community, id, cancellationToken);
    }

    public async Task<IReadOnlyList<KnowledgeEntry>> ListAsync(string community, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(community);
        var entries = await _table.ListAsync(community, cancellationToken);
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

    // Plain columns for people browsing the table; the JSON is what is read back.
    private static void Columns(KnowledgeEntry entry, TableEntity entity)
    {
        entity["Kind"] = entry.Kind.ToString();
        entity["Title"] = entry.Title;
        entity["PublishedAt"] = entry.PublishedAt;
    }
}
