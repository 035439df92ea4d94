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
/// </summary>
public sealed class TableProcessedActivityStore : IProcessedActivityStore
{
    /// <summary>Four partitions: enough headroom for Table Storage's per-partition rate, few enough to batch well.</summary>
    private const int PartitionCount = 4;

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

    public async Task<bool> TryBeginAsync(
        string channelId, string conversationId, string activityId, CancellationToken cancellationToken)
    {
        var (partition, row) = Keys(channelId, conversationId, activityId);
        var entity = new TableEntity(partition, row)
        {
            ["ChannelId"] = channelId,
            ["ConversationId"] = conversationId,
            ["ActivityId"] = activityId,
            ["ReceivedAt"] = _timeProvider.GetUtcNow(),
            // What PurgeAsync compares (Table Storage has no TTL; see TableRowPurge.SortableUtc).
            ["ReceivedUtc"] = TableRowPurge.SortableUtc(_timeProvider.GetUtcNow()),
        };
        return await _inserter.TryInsertAsync(entity);
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
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {$"claims-{partition}"} and ReceivedUtc lt {TableRowPurge.SortableUtc(receivedBefore)}");
            deleted += await TableRowPurge.DeleteWhereAsync(_tables.ProcessedActivities, filter, cancellationToken);
        }

        return deleted;
    }

    private static (string Partition, string Row) Keys(string channelId, string conversationId, string activityId)
    {
        ArgumentNullException.ThrowIfNull(channelId);
        ArgumentNullException.ThrowIfNull(conversationId);
        ArgumentNullException.ThrowIfNull(activityId);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', channelId, conversationId, activityId)));
        return ($"claims-{hash[0] % PartitionCount}", Convert.ToHexStringLower(hash));
    }
}
