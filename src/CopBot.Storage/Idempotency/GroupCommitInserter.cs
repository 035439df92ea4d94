using Azure;
using Azure.Data.Tables;

namespace CopBot.Storage;

/// <summary>
/// Insert-if-absent with group commit: concurrent inserts into one partition that arrive while a write is in flight
/// are sent together as the next entity transaction (up to 100, Table Storage's limit), so under load one request
/// claims many rows. A lone insert is sent at once, so an idle bot pays no added latency.
/// The result of each insert is exact: <see langword="true"/> when this call created the row, <see langword="false"/>
/// when the row already existed (Table Storage rejects the whole transaction and names the failing action, which is
/// dropped and the rest sent again).
/// </summary>
public sealed class GroupCommitInserter(TableClient table)
{
    private const int MaxTransactionSize = 100;

    private readonly Dictionary<string, PartitionQueue> _partitions = new(StringComparer.Ordinal);

    /// <summary>
    /// Inserts <paramref name="entity"/> unless its row exists. Not cancellable once queued: an insert that went
    /// through must be reported, or a caller that gave up would leave a claim nobody acts on.
    /// </summary>
    public Task<bool> TryInsertAsync(TableEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        var pending = new PendingInsert(entity);
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

                batch = queue.Pending.GetRange(0, Math.Min(MaxTransactionSize, queue.Pending.Count));
                queue.Pending.RemoveRange(0, batch.Count);
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
                distinct[0].Result.TrySetResult(await InsertOneAsync(distinct[0].Entity));
                return;
            }

            try
            {
                await table.SubmitTransactionAsync(distinct.Select(p => new TableTransactionAction(TableTransactionActionType.Add, p.Entity)));
                distinct.ForEach(p => p.Result.TrySetResult(true));
                return;
            }
            catch (TableTransactionFailedException ex) when (ex.Status == 409 && ex.FailedTransactionActionIndex is { } failed && failed < distinct.Count)
            {
                distinct[failed].Result.TrySetResult(false);
                distinct.RemoveAt(failed);
            }
            catch (TableTransactionFailedException ex) when (ex.Status == 409)
            {
                // The service did not say which row exists: settle each on its own.
                var results = await Task.WhenAll(distinct.Select(p => InsertOneAsync(p.Entity)));
                for (var i = 0; i < distinct.Count; i++)
                {
                    distinct[i].Result.TrySetResult(results[i]);
                }

                return;
            }
        }
    }

    private async Task<bool> InsertOneAsync(TableEntity entity)
    {
        try
        {
            await table.AddEntityAsync(entity);
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

    private sealed record PendingInsert(TableEntity Entity)
    {
        public TaskCompletionSource<bool> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
