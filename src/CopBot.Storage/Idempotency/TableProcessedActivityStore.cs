using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using CopBot.Community;

namespace CopBot.Storage;

/// <summary>
/// Idempotency records, one row per (channel, conversation, activity id). Claiming is an insert, which Table Storage
/// makes atomic: of any number of concurrent deliveries exactly one insert succeeds, the others get 409.
/// Every turn claims one row, so all claims share one fixed partition rather than one per conversation: concurrent
/// claims then go out together as one transaction (see <see cref="GroupCommitWriter"/>), which is what keeps the
/// once-only check cheap under load.
/// The row key is a hash of the three ids, so ids of any length fit the 1 KiB key limit.
/// <para>
/// As the <see cref="IActivityInbox"/>, an accepted activity has an <c>unfinished|{hash}</c> row in the <c>Inbox</c>
/// table, holding its JSON and the token of the delivery that kept it, from its acknowledgement until its turn completes;
/// one given up on moves to <c>abandoned|{hash}</c>. The inbox is a table of its own so that it stays as small as the
/// turns in progress: its rows come and go once per turn (and in one partition, see <see cref="InboxPartition"/>). The turn's claim carries the same token, so a kept activity
/// whose claim is missing (the instance died before claiming) or carries its token (died mid-turn) is run again, and
/// one whose claim carries another token (a later delivery of an activity already handled) is dropped.
/// </para>
/// </summary>
public sealed partial class TableProcessedActivityStore : IProcessedActivityStore, IActivityInbox, IAbandonedActivities
{
    /// <summary>
    /// The claims' one partition. Table Storage serves about 2,000 entity writes a second per partition; at one claim per
    /// message that is twice what the inbox's partition admits (two writes per message), so more partitions would add no
    /// capacity, only smaller transactions and more requests (docs/performance.md measures the difference). The name is
    /// that of the first of the four partitions the claims once had; <see cref="PurgeAsync"/> still clears the others.
    /// </summary>
    private const string ClaimPartition = "claims-0";

    private const string ClaimPartitionPrefix = "claims-";

    /// <summary>
    /// The inbox's one partition. Its rows live from an acknowledgement to the end of the turn, so it stays small, and one
    /// partition lets the keeping of new activities and the completion of finished ones share transactions. Table Storage
    /// serves about 2,000 entity writes a second per partition: some 1,000 messages a second, far above a community's.
    /// </summary>
    private const string InboxPartition = "inbox";

    /// <summary>
    /// How long a completion may wait to ride with the next activity's keeping (one transaction instead of two). A crash
    /// in between leaves those turns unfinished: they are run again after their lease.
    /// </summary>
    private static readonly TimeSpan CompletionLinger = TimeSpan.FromMilliseconds(50);

    private const string UnfinishedPrefix = "unfinished|";
    private const string AbandonedPrefix = "abandoned|";

    // 12 columns of 32 Ki characters: well inside a row's 1 MiB, and far above the 256 KiB a Teams activity may have.
    private const int MaxJsonChunks = 12;

    private readonly CopBotTables _tables;
    private readonly TimeProvider _timeProvider;
    private readonly GroupCommitWriter _claims;
    private readonly GroupCommitWriter _inbox;

    public TableProcessedActivityStore(CopBotTables tables, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(tables);
        _tables = tables;
        _timeProvider = timeProvider;
        _claims = new GroupCommitWriter(tables.ProcessedActivities);
        _inbox = new GroupCommitWriter(tables.Inbox, CompletionLinger);
    }

    public int MaxActivityLength => MaxJsonChunks * JsonColumn.MaxTextLength;

    public Task<bool> TryBeginAsync(
        string channelId, string conversationId, string activityId, CancellationToken cancellationToken) =>
        _claims.TryInsertAsync(Claim(channelId, conversationId, activityId, _timeProvider.GetUtcNow(), delivery: null));

    public async Task<UnfinishedActivity?> TryAcceptAsync(InboundActivity activity, TimeSpan lease, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var now = _timeProvider.GetUtcNow();
        var delivery = Guid.NewGuid().ToString("N");
        var unfinished = UnfinishedRow(activity, now, delivery, leaseUntil: now + lease, attempts: 1);
        return await _inbox.TryInsertAsync(unfinished) ? new UnfinishedActivity(activity, now, 1, delivery, "") : null;
    }

    public async Task<bool> TryClaimAsync(UnfinishedActivity accepted, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(accepted);
        var activity = accepted.Activity;
        var claim = Claim(activity.ChannelId, activity.ConversationId, activity.ActivityId, accepted.ReceivedAt, accepted.Delivery);
        if (await _claims.TryInsertAsync(claim))
        {
            return true;
        }

        // Claimed before: by this delivery (a turn of it that died), or by an earlier one that handled it.
        var stored = await _tables.ProcessedActivities.GetEntityIfExistsAsync<TableEntity>(claim.PartitionKey, claim.RowKey, ["Delivery"], cancellationToken);
        if (stored.HasValue && stored.Value!.GetString("Delivery") == accepted.Delivery)
        {
            return true;
        }

        await _inbox.DeleteAsync(InboxPartition, UnfinishedPrefix + claim.RowKey);
        return false;
    }

    public async Task CompleteAsync(string channelId, string conversationId, string activityId, CancellationToken cancellationToken)
    {
        var (_, row) = Keys(channelId, conversationId, activityId);
        // Group-committed with the accepts. A missing row is not an error: completing twice, or after an abandonment, is harmless.
        await _inbox.DeleteAsync(InboxPartition, UnfinishedPrefix + row);
    }

    public async Task<IReadOnlyList<UnfinishedActivity>> ListStaleAsync(int max, CancellationToken cancellationToken)
    {
        var now = TableRowPurge.SortableUtc(_timeProvider.GetUtcNow());
        var stale = new List<UnfinishedActivity>();
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {InboxPartition} and RowKey ge {UnfinishedPrefix} and RowKey lt {RangeEnd(UnfinishedPrefix)} and LeaseUntilUtc lt {now}");
        await foreach (var row in _tables.Inbox.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            stale.Add(ToUnfinished(row));
            if (stale.Count == max)
            {
                break;
            }
        }

        return stale;
    }

    public async Task<UnfinishedActivity?> TryTakeOverAsync(UnfinishedActivity stale, TimeSpan lease, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stale);
        var (_, row) = Keys(stale.Activity.ChannelId, stale.Activity.ConversationId, stale.Activity.ActivityId);
        var attempts = stale.Attempts + 1;
        var change = new TableEntity(InboxPartition, UnfinishedPrefix + row)
        {
            ["LeaseUntilUtc"] = TableRowPurge.SortableUtc(_timeProvider.GetUtcNow() + lease),
            ["Attempts"] = attempts,
        };
        try
        {
            var response = await _tables.Inbox.UpdateEntityAsync(change, new ETag(stale.Version), TableUpdateMode.Merge, cancellationToken);
            return stale with { Attempts = attempts, Version = response.Headers.ETag?.ToString() ?? "" };
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
            return null;
        }
    }

    public async Task<bool> AbandonAsync(UnfinishedActivity unfinished, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(unfinished);
        var activity = unfinished.Activity;
        var (_, row) = Keys(activity.ChannelId, activity.ConversationId, activity.ActivityId);
        var kept = InboxRow(AbandonedPrefix, activity, unfinished.ReceivedAt, unfinished.Delivery, unfinished.Attempts);
        kept["AbandonedAt"] = _timeProvider.GetUtcNow();
        return await TryMoveAsync(new TableTransactionAction(TableTransactionActionType.UpsertReplace, kept), UnfinishedPrefix + row, unfinished.Version, cancellationToken);
    }

    public async Task ForgetAsync(string channelId, string conversationId, string activityId, CancellationToken cancellationToken)
    {
        var (partition, row) = Keys(channelId, conversationId, activityId);
        // Deleting a missing row is not an error, so forgetting twice is harmless.
        await _tables.ProcessedActivities.DeleteEntityAsync(partition, row, ETag.All, cancellationToken);
    }

    /// <summary>Deletes the claims, and the inbox's rows (activities given up on, mostly), received before the cutoff.</summary>
    public async Task<int> PurgeAsync(DateTimeOffset receivedBefore, CancellationToken cancellationToken)
    {
        var cutoff = TableRowPurge.SortableUtc(receivedBefore);
        var claims = TableClient.CreateQueryFilter(
            $"PartitionKey ge {ClaimPartitionPrefix} and PartitionKey lt {RangeEnd(ClaimPartitionPrefix)} and ReceivedUtc lt {cutoff}");
        var deleted = await TableRowPurge.DeleteWhereAsync(_tables.ProcessedActivities, claims, cancellationToken);
        return deleted + await TableRowPurge.DeleteWhereAsync(_tables.Inbox, TableClient.CreateQueryFilter($"PartitionKey eq {InboxPartition} and ReceivedUtc lt {cutoff}"), cancellationToken);
    }

    private static TableEntity UnfinishedRow(InboundActivity activity, DateTimeOffset receivedAt, string delivery, DateTimeOffset leaseUntil, int attempts)
    {
        var unfinished = InboxRow(UnfinishedPrefix, activity, receivedAt, delivery, attempts);
        unfinished["LeaseUntilUtc"] = TableRowPurge.SortableUtc(leaseUntil);
        return unfinished;
    }

    // A kept activity's row, unfinished or abandoned: its ids, the delivery that kept it, its attempts and its JSON.
    private static TableEntity InboxRow(string prefix, InboundActivity activity, DateTimeOffset receivedAt, string delivery, int attempts)
    {
        var (_, row) = Keys(activity.ChannelId, activity.ConversationId, activity.ActivityId);
        var kept = new TableEntity(InboxPartition, prefix + row)
        {
            ["ChannelId"] = activity.ChannelId,
            ["ConversationId"] = activity.ConversationId,
            ["ActivityId"] = activity.ActivityId,
            ["ReceivedAt"] = receivedAt,
            // What PurgeAsync compares (Table Storage has no TTL; see TableRowPurge.SortableUtc).
            ["ReceivedUtc"] = TableRowPurge.SortableUtc(receivedAt),
            ["Delivery"] = delivery,
            ["Attempts"] = attempts,
        };
        JsonChunks.Write(kept, activity.Json, MaxJsonChunks, $"activity {activity.ActivityId}");
        return kept;
    }

    /// <summary>
    /// Moves an activity between the inbox's states in one transaction: <paramref name="write"/> and the delete of
    /// <paramref name="fromRowKey"/> at the version read, both or neither. False when that row is gone or changed, or
    /// the row written exists already: another instance (or operator) moved it first.
    /// </summary>
    private async Task<bool> TryMoveAsync(TableTransactionAction write, string fromRowKey, string version, CancellationToken cancellationToken)
    {
        try
        {
            await _tables.Inbox.SubmitTransactionAsync(
            [
                write,
                new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(InboxPartition, fromRowKey), new ETag(version)),
            ], cancellationToken);
            return true;
        }
        catch (TableTransactionFailedException e) when (e.Status is 404 or 409 or 412)
        {
            return false;
        }
    }

    /// <summary>
    /// A claim holds only what is read back: when it was made (<see cref="PurgeAsync"/>) and the delivery that made it
    /// (<see cref="TryClaimAsync"/>). Every message writes one and they pile up for the retention, so each column costs on
    /// every turn and in every row kept; the ids are in the key's hash. Claims of earlier versions carry the ids too,
    /// which nothing reads.
    /// </summary>
    private static TableEntity Claim(string channelId, string conversationId, string activityId, DateTimeOffset receivedAt, string? delivery)
    {
        var (partition, row) = Keys(channelId, conversationId, activityId);
        var claim = new TableEntity(partition, row) { ["ReceivedUtc"] = TableRowPurge.SortableUtc(receivedAt) };
        if (delivery is not null)
        {
            claim["Delivery"] = delivery;
        }

        return claim;
    }

    private static UnfinishedActivity ToUnfinished(TableEntity row) => new(
        new InboundActivity(row.GetString("ChannelId"), row.GetString("ConversationId"), row.GetString("ActivityId"), JsonChunks.Read(row)),
        row.GetDateTimeOffset("ReceivedAt") ?? DateTimeOffset.MinValue,
        row.GetInt32("Attempts") ?? 1,
        row.GetString("Delivery") ?? "",
        row.ETag.ToString());

    // The first key after every key that starts with the prefix ('|' + 1 = '}').
    private static string RangeEnd(string prefix) => prefix[..^1] + (char)(prefix[^1] + 1);

    private static (string Partition, string Row) Keys(string channelId, string conversationId, string activityId)
    {
        ArgumentNullException.ThrowIfNull(channelId);
        ArgumentNullException.ThrowIfNull(conversationId);
        ArgumentNullException.ThrowIfNull(activityId);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', channelId, conversationId, activityId)));
        return (ClaimPartition, Convert.ToHexStringLower(hash));
    }
}
