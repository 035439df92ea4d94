using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using CopBot.Community;

namespace CopBot.Storage;

/// <summary>
/// Idempotency records, one row per (channel, conversation, activity id). Claiming is an insert, which Table Storage
/// makes atomic: of any number of concurrent deliveries exactly one insert succeeds, the others get 409.
/// Every turn claims one row, so rows are spread over a few fixed partitions rather than one per conversation:
/// concurrent claims then share a partition and go out together as one transaction (see
/// <see cref="GroupCommitInserter"/>), which is what keeps the once-only check cheap under load.
/// The row key is a hash of the three ids, so ids of any length fit the 1 KiB key limit.
/// As the <see cref="IActivityInbox"/>, an accepted activity also gets an <c>unfinished|{hash}</c> row beside its claim,
/// inserted in the same transaction and holding its JSON, until the turn completes; an activity given up on moves to
/// <c>abandoned|{hash}</c>. Those prefixes sort apart from the hexadecimal claim keys, so each is one row-key range.
/// </summary>
public sealed class TableProcessedActivityStore : IProcessedActivityStore, IActivityInbox
{
    /// <summary>Four partitions: enough headroom for Table Storage's per-partition rate, few enough to batch well.</summary>
    private const int PartitionCount = 4;

    private const string UnfinishedPrefix = "unfinished|";
    private const string AbandonedPrefix = "abandoned|";

    // 12 columns of 32 Ki characters: well inside a row's 1 MiB, and far above the 256 KiB a Teams activity may have.
    private const int MaxJsonChunks = 12;

    private readonly CopBotTables _tables;
    private readonly TimeProvider _timeProvider;
    private readonly GroupCommitInserter _inserter;

    public TableProcessedActivityStore(CopBotTables tables, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(tables);
        _tables = tables;
        _timeProvider = timeProvider;
        _inserter = new GroupCommitInserter(tables.ProcessedActivities);
    }

    public int MaxActivityLength => MaxJsonChunks * JsonColumn.MaxTextLength;

    public Task<bool> TryBeginAsync(
        string channelId, string conversationId, string activityId, CancellationToken cancellationToken)
    {
        var (partition, row) = Keys(channelId, conversationId, activityId);
        return _inserter.TryInsertAsync(Described(new TableEntity(partition, row), channelId, conversationId, activityId, _timeProvider.GetUtcNow()));
    }

    public Task<bool> TryAcceptAsync(InboundActivity activity, TimeSpan lease, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var (partition, row) = Keys(activity.ChannelId, activity.ConversationId, activity.ActivityId);
        var now = _timeProvider.GetUtcNow();
        var unfinished = Described(new TableEntity(partition, UnfinishedPrefix + row), activity.ChannelId, activity.ConversationId, activity.ActivityId, now);
        unfinished["LeaseUntilUtc"] = TableRowPurge.SortableUtc(now + lease);
        unfinished["Attempts"] = 1;
        JsonChunks.Write(unfinished, activity.Json, MaxJsonChunks, $"activity {activity.ActivityId}");
        return _inserter.TryInsertAsync(Described(new TableEntity(partition, row), activity.ChannelId, activity.ConversationId, activity.ActivityId, now), unfinished);
    }

    public async Task CompleteAsync(string channelId, string conversationId, string activityId, CancellationToken cancellationToken)
    {
        var (partition, row) = Keys(channelId, conversationId, activityId);
        // Deleting a missing row is not an error: completing twice, or after an abandonment, is harmless.
        await _tables.ProcessedActivities.DeleteEntityAsync(partition, UnfinishedPrefix + row, ETag.All, cancellationToken);
    }

    public async Task<IReadOnlyList<UnfinishedActivity>> ListStaleAsync(int max, CancellationToken cancellationToken)
    {
        var now = TableRowPurge.SortableUtc(_timeProvider.GetUtcNow());
        var stale = new List<UnfinishedActivity>();
        for (var partition = 0; partition < PartitionCount && stale.Count < max; partition++)
        {
            // A row-key range per partition: the service reads only the unfinished rows, however many claims there are.
            var filter = TableClient.CreateQueryFilter(
                $"PartitionKey eq {Partition(partition)} and RowKey ge {UnfinishedPrefix} and RowKey lt {RangeEnd(UnfinishedPrefix)} and LeaseUntilUtc lt {now}");
            await foreach (var row in _tables.ProcessedActivities.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
            {
                stale.Add(ToUnfinished(row));
                if (stale.Count == max)
                {
                    break;
                }
            }
        }

        return stale;
    }

    public async Task<UnfinishedActivity?> TryTakeOverAsync(UnfinishedActivity stale, TimeSpan lease, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stale);
        var (partition, row) = Keys(stale.Activity.ChannelId, stale.Activity.ConversationId, stale.Activity.ActivityId);
        var attempts = stale.Attempts + 1;
        var change = new TableEntity(partition, UnfinishedPrefix + row)
        {
            ["LeaseUntilUtc"] = TableRowPurge.SortableUtc(_timeProvider.GetUtcNow() + lease),
            ["Attempts"] = attempts,
        };
        try
        {
            var response = await _tables.ProcessedActivities.UpdateEntityAsync(change, new ETag(stale.Version), TableUpdateMode.Merge, cancellationToken);
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
        var (partition, row) = Keys(activity.ChannelId, activity.ConversationId, activity.ActivityId);
        var kept = Described(new TableEntity(partition, AbandonedPrefix + row), activity.ChannelId, activity.ConversationId, activity.ActivityId, unfinished.ReceivedAt);
        kept["Attempts"] = unfinished.Attempts;
        kept["AbandonedAt"] = _timeProvider.GetUtcNow();
        JsonChunks.Write(kept, activity.Json, MaxJsonChunks, $"activity {activity.ActivityId}");
        try
        {
            await _tables.ProcessedActivities.SubmitTransactionAsync(
            [
                new TableTransactionAction(TableTransactionActionType.UpsertReplace, kept),
                new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(partition, UnfinishedPrefix + row), new ETag(unfinished.Version)),
            ], cancellationToken);
            return true;
        }
        catch (TableTransactionFailedException e) when (e.Status is 404 or 412)
        {
            return false;
        }
    }

    public async Task ForgetAsync(string channelId, string conversationId, string activityId, CancellationToken cancellationToken)
    {
        var (partition, row) = Keys(channelId, conversationId, activityId);
        // Deleting a missing row is not an error, so forgetting twice is harmless.
        await _tables.ProcessedActivities.DeleteEntityAsync(partition, row, ETag.All, cancellationToken);
    }

    public async Task<int> PurgeAsync(DateTimeOffset receivedBefore, CancellationToken cancellationToken)
    {
        var deleted = 0;
        for (var partition = 0; partition < PartitionCount; partition++)
        {
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition(partition)} and ReceivedUtc lt {TableRowPurge.SortableUtc(receivedBefore)}");
            deleted += await TableRowPurge.DeleteWhereAsync(_tables.ProcessedActivities, filter, cancellationToken);
        }

        return deleted;
    }

    private static TableEntity Described(TableEntity entity, string channelId, string conversationId, string activityId, DateTimeOffset receivedAt)
    {
        entity["ChannelId"] = channelId;
        entity["ConversationId"] = conversationId;
        entity["ActivityId"] = activityId;
        entity["ReceivedAt"] = receivedAt;
        // What PurgeAsync compares (Table Storage has no TTL; see TableRowPurge.SortableUtc).
        entity["ReceivedUtc"] = TableRowPurge.SortableUtc(receivedAt);
        return entity;
    }

    private static UnfinishedActivity ToUnfinished(TableEntity row) => new(
        new InboundActivity(row.GetString("ChannelId"), row.GetString("ConversationId"), row.GetString("ActivityId"), JsonChunks.Read(row)),
        row.GetDateTimeOffset("ReceivedAt") ?? DateTimeOffset.MinValue,
        row.GetInt32("Attempts") ?? 1,
        row.ETag.ToString());

    private static string Partition(int index) => $"claims-{index}";

    // The first key after every key that starts with the prefix ('|' + 1 = '}').
    private static string RangeEnd(string prefix) => prefix[..^1] + (char)(prefix[^1] + 1);

    private static (string Partition, string Row) Keys(string channelId, string conversationId, string activityId)
    {
        ArgumentNullException.ThrowIfNull(channelId);
        ArgumentNullException.ThrowIfNull(conversationId);
        ArgumentNullException.ThrowIfNull(activityId);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', channelId, conversationId, activityId)));
        return (Partition(hash[0] % PartitionCount), Convert.ToHexStringLower(hash));
    }
}
