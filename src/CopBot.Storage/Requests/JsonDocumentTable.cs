using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;

namespace CopBot.Storage;

/// <summary>
/// A request record of any modality kept as one JSON row (partition community, row id; see
/// <see cref="JsonChunkedTable{T}"/>), plus a small index row per open record so deadline checks never scan closed
/// ones. The modality stores are thin wrappers over this.
/// </summary>
internal sealed class JsonDocumentTable<T> where T : class
{
    private const int MaxChunks = 12;

    private readonly JsonChunkedTable<T> _documents;
    private readonly TableClient _openIndex;
    private readonly Func<T, (string Community, string Id)> _keyOf;
    private readonly Func<T, bool> _isOpen;

    /// <param name="columns">Plain columns written beside the JSON; by default <c>Open</c>.</param>
    public JsonDocumentTable(
        TableClient documents,
        TableClient openIndex,
        Func<T, (string Community, string Id)> keyOf,
        Func<T, bool> isOpen,
        ILogger logger,
        string what,
        Action<T, TableEntity>? columns = null)
    {
        _openIndex = openIndex;
        _keyOf = keyOf;
        _isOpen = isOpen;
        _documents = new JsonChunkedTable<T>(documents, keyOf, columns ?? ((document, entity) => entity["Open"] = isOpen(document)), MaxChunks, logger, what);
    }

    public async Task<(T Stored, bool Created)> CreateAsync(T document, CancellationToken cancellationToken)
    {
        var (community, id) = _keyOf(document);
        // Index first: an index row whose record never got written is only skipped by the deadline checker.
        await _openIndex.UpsertEntityAsync(new TableEntity(KeyEncoder.Encode(community), KeyEncoder.Encode(id)), TableUpdateMode.Replace, cancellationToken);
        return await _documents.AddOrGetAsync(document, cancellationToken);
    }

    public Task<T?> GetAsync(string community, string id, CancellationToken cancellationToken) => _documents.GetAsync(community, id, cancellationToken);

    public async Task<IReadOnlyList<string>> ListOpenAsync(string community, CancellationToken cancellationToken)
    {
        var ids = new List<string>();
        await foreach (var row in _openIndex.QueryAsync<TableEntity>(r => r.PartitionKey == KeyEncoder.Encode(community), select: ["RowKey"], cancellationToken: cancellationToken))
        {
            ids.Add(KeyEncoder.Decode(row.RowKey));
        }

        return ids;
    }

    /// <summary>Every document of the community (the indicators read them; communities hold hundreds, not millions).</summary>
    public Task<IReadOnlyList<T>> ListAsync(string community, CancellationToken cancellationToken) => _documents.ListAsync(community, cancellationToken);

    /// <summary>ETag-guarded change; a record that is no longer open leaves the open index in the same attempt.</summary>
    public Task<T?> UpdateAsync(string community, string id, Func<T, T?> change, CancellationToken cancellationToken) =>
        _documents.UpdateAsync(community, id, change, async (changed, ct) =>
        {
            if (!_isOpen(changed))
            {
                await _openIndex.DeleteEntityAsync(KeyEncoder.Encode(community), KeyEncoder.Encode(id), ETag.All, ct);
            }
        }, cancellationToken);
}
