using Azure.Data.Tables;
using CopBot.Community;

namespace CopBot.Storage;

/// <summary>The operator's side of the inbox: activities given up on (<c>abandoned|{hash}</c> rows), listed and requeued.</summary>
public sealed partial class TableProcessedActivityStore
{
    public async Task<IReadOnlyList<AbandonedActivity>> ListAbandonedAsync(CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {InboxPartition} and RowKey ge {AbandonedPrefix} and RowKey lt {RangeEnd(AbandonedPrefix)}");
        var abandoned = new List<AbandonedActivity>();
        await foreach (var row in _tables.Inbox.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            abandoned.Add(new AbandonedActivity(ToUnfinished(row), row.GetDateTimeOffset("AbandonedAt") ?? DateTimeOffset.MinValue));
        }

        return [.. abandoned.OrderBy(a => a.Unfinished.ReceivedAt)];
    }

    public async Task<bool> TryRequeueAsync(AbandonedActivity abandoned, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(abandoned);
        var unfinished = abandoned.Unfinished;
        var activity = unfinished.Activity;
        var (_, hash) = Keys(activity.ChannelId, activity.ConversationId, activity.ActivityId);
        // Leased until now: stale at once, so the next sweep takes it over (and counts that as attempt 1).
        var row = UnfinishedRow(activity, unfinished.ReceivedAt, unfinished.Delivery, leaseUntil: _timeProvider.GetUtcNow(), attempts: 0);
        // Either still abandoned or unfinished again, never both or neither.
        return await TryMoveAsync(new TableTransactionAction(TableTransactionActionType.Add, row), AbandonedPrefix + hash, unfinished.Version, cancellationToken);
    }
}
