using Azure;
using Azure.Data.Tables;

namespace CopBot.Storage;

/// <summary>
/// Insert-if-absent with group commit: concurrent inserts into one partition that arrive while a write is in flight
/// are sent together as the next entity transaction (up to 100, Table Storage's limit), so under load one request
/// claims many rows. A lone insert is sent at once, so an idle bot pays no added latency.
/// The result of each insert is exact: <see langword="true"/> when this call created the row, <see langword="false"/>
/// when the row already existed (Table Storage rejects the whole transaction and names the failing action, whose
/// insert is dropped and the rest sent again). An insert may carry a companion row of the same partition, written
/// with it or not at all.
/// </summary>
public sealed class GroupCommitInserter(TableClient table)
{
    private const int MaxTransactionSize = 100;

    // A transaction's body may hold 4 MiB; rows carrying large text (kept activities) are counted so a batch stays under.
    private const long MaxTransactionBytes = 3 * 1024 * 1024;

    private readonly Dictionary<string, PartitionQueue> _partitions = new(StringComparer.Ordinal);

    /// <summary>
    /// Inserts <paramref name="entity"/> unless its row exists, and with it <paramref name="companion"/> (same
    /// partition) in the same transaction. Not cancellable once queued: an insert that went through must be reported,
    /// or a caller that gave up would leave a claim nobody acts on.
    /// </summary>
    public Task<bool> TryInsertAsync(TableEntity entity, TableEntity? companion = null)
    {
        ArgumentNullException.ThrowIfNull(entity);
        if (companion is not null && companion.PartitionKey != entity.PartitionKey)
        {
            throw new ArgumentException("A companion row must share the entity's partition (one transaction).", nameof(companion));
        }

        var pending = new PendingInsert(companion is null ? [entity] : [entity, companion]);
        bool startFlush;
        PartitionQueue queue;
        lock (_partitions)
        {
            if (!_partitions.TryGetValue(entity.PartitionKey, out queue!))
            {
                queue = new PartitionQueue();
                _partitions[entity.PartitionKey] = queue;
            }

            queue.Pending.Add(pending);
            startFlush = !queue.Flushing;
            queue.Flushing = true;
        }

        if (startFlush)
        {
            _ = Task.Run(() => FlushAsync(queue));
        }

        return pending.Result.Task;
    }

    private async Task FlushAsync(PartitionQueue queue)
    {
        while (true)
        {
            List<PendingInsert> batch;
            lock (_partitions)
            {
                if (queue.Pending.Count == 0)
                {
                    queue.Flushing = false;
                    return;
                }

                batch = TakeBatch(queue.Pending);
            }

            try
            {
                await CommitAsync(batch);
            }
            catch (Exception ex)
            {
                // Every caller of the batch sees the failure (its turn fails and Teams redelivers); none is left hanging.
                batch.ForEach(p => p.Result.TrySetException(ex));
            }
        }
    }

    // As many whole inserts as fit one transaction (at least one).
    private static List<PendingInsert> TakeBatch(List<PendingInsert> pending)
    {
        var count = 0;
        var rows = 0;
        var bytes = 0L;
        while (count < pending.Count
            && (count == 0 || (rows + pending[count].Rows.Count <= MaxTransactionSize && bytes + pending[count].ApproximateBytes <= MaxTransactionBytes)))
        {
            rows += pending[count].Rows.Count;
            bytes += pending[count].ApproximateBytes;
            count++;
        }

        var batch = pending.GetRange(0, count);
        pending.RemoveRange(0, count);
        return batch;
    }

    private async Task CommitAsync(List<PendingInsert> batch)
    {
        // The same row twice in one batch (a redelivery racing its original): the first one decides, the rest lose.
        var distinct = new List<PendingInsert>();
        foreach (var group in batch.GroupBy(p => p.Entity.RowKey, StringComparer.Ordinal))
        {
            distinct.Add(group.First());
            foreach (var duplicate in group.Skip(1))
            {
                duplicate.Result.TrySetResult(false);
            }
        }

        while (distinct.Count > 0)
        {
            if (distinct.Count == 1)
            {
                distinct[0].Result.TrySetResult(await InsertOneAsync(distinct[0]));
                return;
            }

            try
            {
                await table.SubmitTransactionAsync(distinct.SelectMany(p => p.Rows).Select(row => new TableTransactionAction(TableTransactionActionType.Add, row)));
                distinct.ForEach(p => p.Result.TrySetResult(true));
                return;
            }
            catch (TableTransactionFailedException ex) when (ex.Status == 409 && OwnerOf(distinct, ex.FailedTransactionActionIndex) is { } failed)
            {
                distinct[failed].Result.TrySetResult(false);
                distinct.RemoveAt(failed);
            }
            catch (TableTransactionFailedException ex) when (ex.Status == 409)
            {
                // The service did not say which row exists: settle each on its own.
                var results = await Task.WhenAll(distinct.Select(InsertOneAsync));
                for (var i = 0; i < distinct.Count; i++)
                {
                    distinct[i].Result.TrySetResult(results[i]);
                }

                return;
            }
        }
    }

    // The insert whose rows include the failed action, by position in the transaction.
    private static int? OwnerOf(List<PendingInsert> inserts, int? failedAction)
    {
        var first = 0;
        for (var i = 0; failedAction is { } action && i < inserts.Count; i++)
        {
            first += inserts[i].Rows.Count;
            if (action < first)
            {
                return i;
            }
        }

        return null;
    }

    private async Task<bool> InsertOneAsync(PendingInsert insert)
    {
        try
        {
            if (insert.Rows.Count == 1)
            {
                await table.AddEntityAsync(insert.Entity);
            }
            else
            {
                await table.SubmitTransactionAsync(insert.Rows.Select(row => new TableTransactionAction(TableTransactionActionType.Add, row)));
            }

            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }

    private sealed class PartitionQueue
    {
        public List<PendingInsert> Pending { get; } = [];

        public bool Flushing { get; set; }
    }

    private sealed record PendingInsert(IReadOnlyList<TableEntity> Rows)
    {
        public TableEntity Entity => Rows[0];

        // Four bytes a character (UTF-8, JSON escapes) plus a fixed share per row and property: a bound, not a count.
        public long ApproximateBytes { get; } = Rows.Sum(row => 1024 + row.Sum(p => p.Value is string text ? 4L * text.Length : 64));

        public TaskCompletionSource<bool> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
