using Azure;
using Azure.Data.Tables;
using CopBot.Community;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CopBot.Storage;

/// <summary>
/// The digest log: partition community, row the period key. A claim is an insert (409 = someone else has it) or, for
/// a stale unfinished claim, an ETag-guarded replace (412 = someone else took it over first). An outcome replaces a
/// claim (or is inserted without one) under the same guards, and is never replaced itself.
/// </summary>
public sealed class TableDigestLog(CopBotTables tables, ILogger<TableDigestLog>? logger = null) : IDigestLog
{
    private readonly ILogger _logger = logger ?? NullLogger<TableDigestLog>.Instance;

    public async Task<DigestClaim?> TryClaimAsync(string community, string periodKey, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken)
    {
        var entity = Entity(community, periodKey, DigestOutcome.Claimed, now, null);
        try
        {
            var added = await tables.Digests.AddEntityAsync(entity, cancellationToken);
            return new DigestClaim(community, periodKey, now, added.Headers.ETag?.ToString() ?? "");
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // Someone claimed it; take over only an unfinished claim whose holder has had more than its lease.
        }

        var stored = await tables.Digests.GetEntityIfExistsAsync<TableEntity>(entity.PartitionKey, entity.RowKey, cancellationToken: cancellationToken);
        if (!stored.HasValue || Outcome(stored.Value!) != DigestOutcome.Claimed || stored.Value!.GetDateTimeOffset("ClaimedAt") is not { } claimedAt || claimedAt + lease > now)
        {
            return null;
        }

        try
        {
            var replaced = await tables.Digests.UpdateEntityAsync(entity, stored.Value!.ETag, TableUpdateMode.Replace, cancellationToken);
            return new DigestClaim(community, periodKey, now, replaced.Headers.ETag?.ToString() ?? "");
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            return null;
        }
    }

    public Task<bool> FinishAsync(string community, string periodKey, DigestOutcome outcome, string? activityId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var (partition, row) = (KeyEncoder.Encode(community), KeyEncoder.Encode(periodKey));
        // A claim written meanwhile (its check came after the send) or another completion: 409/412, read again.
        return ConcurrencyRetry.RunAsync(
            async ct =>
            {
                var stored = await tables.Digests.GetEntityIfExistsAsync<TableEntity>(partition, row, cancellationToken: ct);
                if (stored.HasValue && Outcome(stored.Value!) is not DigestOutcome.Claimed)
                {
                    return false;
                }

                var entity = Entity(community, periodKey, outcome, stored.HasValue ? stored.Value!.GetDateTimeOffset("ClaimedAt") ?? now : now, activityId);
                entity["FinishedAt"] = now;
                if (stored.HasValue)
                {
                    await tables.Digests.UpdateEntityAsync(entity, stored.Value!.ETag, TableUpdateMode.Replace, ct);
                }
                else
                {
                    await tables.Digests.AddEntityAsync(entity, ct);
                }

                return true;
            },
            _logger,
            "digest outcome",
            cancellationToken);
    }

    public async Task<DigestOutcome?> GetAsync(string community, string periodKey, CancellationToken cancellationToken)
    {
        var stored = await tables.Digests.GetEntityIfExistsAsync<TableEntity>(KeyEncoder.Encode(community), KeyEncoder.Encode(periodKey), cancellationToken: cancellationToken);
        return stored.HasValue ? Outcome(stored.Value!) : null;
    }

    private static TableEntity Entity(string community, string periodKey, DigestOutcome outcome, DateTimeOffset claimedAt, string? activityId) =>
        new(KeyEncoder.Encode(community), KeyEncoder.Encode(periodKey))
        {
            ["Outcome"] = outcome.ToString(),
            ["ClaimedAt"] = claimedAt,
            ["ActivityId"] = activityId,
        };

    private static DigestOutcome? Outcome(TableEntity entity) =>
        Enum.TryParse<DigestOutcome>(entity.GetString("Outcome"), out var outcome) ? outcome : null;
}
