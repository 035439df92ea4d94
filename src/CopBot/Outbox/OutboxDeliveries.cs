using Azure;
using Azure.Data.Tables;
using CopBot.Storage;

namespace CopBot.Outbox;

/// <summary>What <see cref="OutboxDeliveries.ClaimAsync"/> found for a key.</summary>
public enum DeliveryState
{
    /// <summary>This worker may send now (nobody did, or a claim went stale).</summary>
    Claimed,

    /// <summary>Another worker claimed it recently and may be sending right now: try again later.</summary>
    Busy,

    /// <summary>Already sent: only the domain record (<see cref="IOutboxHandler.CompleteAsync"/>) may be missing.</summary>
    Sent,
}

/// <summary>A claim's result; <paramref name="LeaseLeft"/> is how long a <see cref="DeliveryState.Busy"/> claim stays valid.</summary>
public sealed record DeliveryClaim(DeliveryState State, ETag ETag, string? Outcome, bool TookOver, TimeSpan LeaseLeft = default);

/// <summary>
/// The send record of each idempotency key, one row per key in <c>{prefix}OutboxDeliveries</c>: "Sending" (claimed
/// by a worker at a time) then "Sent" with the outcome. Claims are atomic inserts or ETag-guarded take-overs, so of
/// two workers holding the same key only one sends.
/// </summary>
public sealed class OutboxDeliveries
{
    private const string Row = "delivery";
    private const string SendingState = "Sending";
    private const string SentState = "Sent";
    private readonly TableClient _table;

    public OutboxDeliveries(TableServiceClient service, TableStorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(options);
        _table = service.GetTableClient(options.TablePrefix + "OutboxDeliveries");
    }

    public Task EnsureCreatedAsync(CancellationToken cancellationToken) => _table.CreateIfNotExistsAsync(cancellationToken);

    /// <summary>Claims <paramref name="key"/> for sending, unless it was sent or another claim is younger than <paramref name="lease"/>.</summary>
    public async Task<DeliveryClaim> ClaimAsync(string key, string claimant, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken)
    {
        var partition = KeyEncoder.Encode(key);
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var existing = await _table.GetEntityIfExistsAsync<TableEntity>(partition, Row, cancellationToken: cancellationToken);
            if (!existing.HasValue || existing.Value is null)
            {
                try
                {
                    var added = await _table.AddEntityAsync(Sending(partition, claimant, now), cancellationToken);
                    return new DeliveryClaim(DeliveryState.Claimed, added.Headers.ETag ?? ETag.All, null, TookOver: false);
                }
                catch (RequestFailedException e) when (e.Status == 409)
                {
                    continue;
                }
            }

            var row = existing.Value;
            if (row.GetString("State") == SentState)
            {
                return new DeliveryClaim(DeliveryState.Sent, row.ETag, row.GetString("Outcome") ?? string.Empty, TookOver: false);
            }

            var age = now - (row.GetDateTimeOffset("ClaimedAt") ?? DateTimeOffset.MinValue);
            if (age < lease)
            {
                return new DeliveryClaim(DeliveryState.Busy, row.ETag, null, TookOver: false, lease - age);
            }

            try
            {
                var taken = await _table.UpdateEntityAsync(Sending(partition, claimant, now), row.ETag, TableUpdateMode.Replace, cancellationToken);
                return new DeliveryClaim(DeliveryState.Claimed, taken.Headers.ETag ?? ETag.All, null, TookOver: true);
            }
            catch (RequestFailedException e) when (e.Status == 412)
            {
                continue;
            }
        }

        return new DeliveryClaim(DeliveryState.Busy, ETag.All, null, TookOver: false);
    }

    /// <summary>Records the send; from now on the key is never sent again.</summary>
    public async Task RecordSentAsync(string key, string outcome, string sender, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var entity = new TableEntity(KeyEncoder.Encode(key), Row)
        {
            ["State"] = SentState,
            ["Outcome"] = outcome,
            ["SentBy"] = sender,
            ["SentAt"] = now,
            // What PurgeAsync compares (see TableRowPurge.SortableUtc).
            ["SentUtc"] = TableRowPurge.SortableUtc(now),
        };
        // Unconditional: whatever happened to the claim meanwhile, this send did happen.
        await _table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
    }

    /// <summary>Gives a claim back after a failed send, so the retry does not wait for the lease; a claim taken over meanwhile is left alone.</summary>
    public async Task ReleaseAsync(string key, ETag claim, CancellationToken cancellationToken)
    {
        try
        {
            await _table.DeleteEntityAsync(KeyEncoder.Encode(key), Row, claim, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
            // Gone or taken over: nothing of ours to release.
        }
    }

    /// <summary>
    /// Deletes the records of keys sent before <paramref name="sentBefore"/>: every kind of key, the outbox's own and the
    /// redraws' <c>thread.shown|…</c> (a redraw of the same version after that only draws the same card again). A
    /// <c>Sending</c> claim is never deleted, nor a row rewritten since it was read; records written before the
    /// <c>SentUtc</c> column existed are not matched. Safe to run on several instances at once.
    /// </summary>
    public Task<int> PurgeAsync(DateTimeOffset sentBefore, CancellationToken cancellationToken) =>
        TableRowPurge.DeleteWhereAsync(_table, TableClient.CreateQueryFilter($"State eq {SentState} and SentUtc lt {TableRowPurge.SortableUtc(sentBefore)}"), cancellationToken);

    /// <summary>The keys recorded as sent and the worker instance that sent each (for tests and operators).</summary>
    public async Task<IReadOnlyDictionary<string, string>> SentAsync(CancellationToken cancellationToken)
    {
        var sent = new Dictionary<string, string>(StringComparer.Ordinal);
        await foreach (var row in _table.QueryAsync<TableEntity>($"State eq '{SentState}'", select: ["PartitionKey", "SentBy"], cancellationToken: cancellationToken))
        {
            sent[KeyEncoder.Decode(row.PartitionKey)] = row.GetString("SentBy") ?? string.Empty;
        }

        return sent;
    }

    private static TableEntity Sending(string partition, string claimant, DateTimeOffset now) => new(partition, Row)
    {
        ["State"] = SendingState,
        ["ClaimedAt"] = now,
        ["Claimant"] = claimant,
    };
}
