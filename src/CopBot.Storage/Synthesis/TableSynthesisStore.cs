using Azure.Data.Tables;
using CopBot.Community;
using Microsoft.Extensions.Logging;

namespace CopBot.Storage;

/// <summary>
/// Syntheses as one row each (partition community, row request id), the record as JSON over a few columns: a draft
/// of a large thread credits hundreds of contributors, more than one 64 KiB property holds.
/// </summary>
public sealed class TableSynthesisStore(CopBotTables tables, ILogger<TableSynthesisStore> logger) : ISynthesisStore
{
    private const int MaxChunks = 14;

    private readonly JsonChunkedTable<SynthesisRecord> _table = new(tables.Syntheses, r => (r.Community, r.RequestId), Columns, MaxChunks, logger, "synthesis");

    public Task<SynthesisRecord?> GetAsync(string community, string requestId, CancellationToken cancellationToken) =>
        _table.GetAsync(community, requestId, cancellationToken);

    /// <summary>A new draft gets the next version; once publishing has begun the stored record stays as it is.</summary>
    public async Task<SynthesisRecord> SaveDraftAsync(SynthesisRecord draft, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var saved = await _table.ReadModifyWriteAsync(draft.Community, draft.RequestId, stored => stored switch
        {
            null => draft with { Version = 1, Status = SynthesisStatus.Draft },
            { Status: SynthesisStatus.Publishing or SynthesisStatus.Published } => null,
            _ => draft with { Version = stored.Version + 1, Status = SynthesisStatus.Draft },
        }, afterWrite: null, cancellationToken);
        return saved!;
    }

    public Task<SynthesisRecord?> UpdateAsync(string community, string requestId, Func<SynthesisRecord, SynthesisRecord?> change, CancellationToken cancellationToken) =>
        _table.UpdateAsync(community, requestId, change, afterWrite: null, cancellationToken);

    // Plain columns for people browsing the table; the JSON is what is read back.
    private static void Columns(SynthesisRecord record, TableEntity entity)
    {
        entity["Status"] = record.Status.ToString();
        entity["FacilitatorId"] = record.FacilitatorId;
        entity["Version"] = record.Version;
    }
}
