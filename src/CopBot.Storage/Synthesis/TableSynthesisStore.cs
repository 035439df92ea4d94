using System.Text.Json;
using System.Text.Json.Serialization;
using Azure;
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

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public async Task<SynthesisRecord?> GetAsync(string community, string requestId, CancellationToken cancellationToken) =>
        (await ReadAsync(community, requestId, cancellationToken))?.Record;

    public Task<SynthesisRecord> SaveDraftAsync(SynthesisRecord draft, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        return ConcurrencyRetry.RunAsync(async ct =>
        {
            var stored = await ReadAsync(draft.Community, draft.RequestId, ct);
            if (stored is null)
            {
                var first = draft with { Version = 1, Status = SynthesisStatus.Draft };
                await tables.Syntheses.AddEntityAsync(ToEntity(first), ct);
                return first;
            }

            if (stored.Value.Record.Status is SynthesisStatus.Publishing or SynthesisStatus.Published)
            {
                return stored.Value.Record;
            }

            var next = draft with { Version = stored.Value.Record.Version + 1, Status = SynthesisStatus.Draft };
            await tables.Syntheses.UpdateEntityAsync(ToEntity(next), stored.Value.ETag, TableUpdateMode.Replace, ct);
            return next;
        }, logger, "synthesis", cancellationToken);
    }

    public Task<SynthesisRecord?> UpdateAsync(string community, string requestId, Func<SynthesisRecord, SynthesisRecord?> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        return ConcurrencyRetry.RunAsync(async ct =>
        {
            var stored = await ReadAsync(community, requestId, ct);
            if (stored is null)
            {
                return null;
            }

            var changed = change(stored.Value.Record);
            if (changed is null)
            {
                return stored.Value.Record;
            }

            await tables.Syntheses.UpdateEntityAsync(ToEntity(changed), stored.Value.ETag, TableUpdateMode.Replace, ct);
            return changed;
        }, logger, "synthesis", cancellationToken);
    }

    private async Task<(SynthesisRecord Record, ETag ETag)?> ReadAsync(string community, string requestId, CancellationToken cancellationToken)
    {
        var row = await tables.Syntheses.GetEntityIfExistsAsync<TableEntity>(KeyEncoder.Encode(community), KeyEncoder.Encode(requestId), cancellationToken: cancellationToken);
        return row.HasValue ? (JsonSerializer.Deserialize<SynthesisRecord>(JsonChunks.Read(row.Value!), Options)!, row.Value!.ETag) : null;
    }

    private static TableEntity ToEntity(SynthesisRecord record)
    {
        var entity = new TableEntity(KeyEncoder.Encode(record.Community), KeyEncoder.Encode(record.RequestId))
        {
            ["Status"] = record.Status.ToString(),
            ["FacilitatorId"] = record.FacilitatorId,
            ["Version"] = record.Version,
        };
        JsonChunks.Write(entity, JsonSerializer.Serialize(record, Options), MaxChunks, $"Synthesis of {record.RequestId}");
        return entity;
    }
}
