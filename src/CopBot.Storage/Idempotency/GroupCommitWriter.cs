using Azure;
using Azure.Data.Tables;

namespace CopBot.Storage;

/// <summary>
/// Inserts-if-absent and deletes with group commit: concurrent writes to one partition that arrive while a write is in
/// flight are sent together as the next entity transaction (up to 100 rows, Table Storage's limit, and about 3 MB), so
/// under load one request carries many. A lone write is sent at once, so an idle bot pays no added latency.
/// The result of each write is exact: an insert is <see langword="true"/> when this call created the row and
/// <see langword="false"/> when it existed; a delete is <see langword="false"/> when the row was already gone. Table
/// Storage rejects the whole transaction and names the failing action, whose write is settled so and the rest sent
/// again. Inserts and deletes of one partition share transactions.
/// </summary>
/// <param name="deleteLinger">
/// How long a delete may wait for company: deletes that nobody waits on (a finished turn's completion) then ride in the
/// transaction of the next insert to the partition, or go after this long. Zero sends them like inserts.
/// </param>
public sealed class GroupCommitWriter(TableClient table, TimeSpan deleteLinger = default)
{
    private const int MaxTransactionSize = 100;

    // A transaction's body may hold 4 MiB; rows carrying large text (kept activities) are counted so a batch stays under.
    private const long MaxTransactionBytes = 3 * 1024 * 1024;

    private readonly Dictionary<string, PartitionQueue> _partitions = new(StringComparer.Ordinal);

    /// <summary>
    /// Inserts <paramref name="entity"/> unless its row exists. Not cancellable once queued: an insert that went through
    /// must be reported, or a caller that gave up would leave a claim nobody acts on.
    /// </summary>
    public Task<bool> TryInsertAsync(TableEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        return Enqueue(entity.PartitionKey, new TableTransactionAction(TableTransactionActionType.Add, entity));
    }

    /// <summary>Deletes the row whatever its version; false when it was not there. Waits up to the delete linger for company.</summary>
    public Task<bool> DeleteAsync(string partitionKey, string rowKey) =>
        Enqueue(partitionKey, new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(partitionKey, rowKey), ETag.All), deleteLinger);

    private Task<bool> Enqueue(string partitionKey, TableTransactionAction action, TimeSpan linger = default)
    {
        var pending = new PendingWrite(action);
        bool startFlush;
        var startTimer = false;
        PartitionQueue queue;
        lock (_partitions)
        {
            if (!_partitions.TryGetValue(partitionKey, out queue!))
            {
                queue = new PartitionQueue();
                _partitions[partitionKey] = queue;
            }

            queue.Pending.Add(pending);
            startFlush = !queue.Flushing && linger <= TimeSpan.Zero;
            queue.Flushing |= startFlush;
            if (!queue.Flushing && !queue.Lingering)
            {
                queue.Lingering = startTimer = true;
            }
        }

        if (startFlush)
        {
            _ = Task.Run(() => FlushAsync(queue));
        }
        else if (startTimer)
        {
            _ = FlushAfterAsync(queue, linger);
        }

        return pending.Result.Task;
    }

    // The linger's end: sends what waited, unless a flush started meanwhile (which took it along).
    private async Task FlushAfterAsync(PartitionQueue queue, TimeSpan linger)
    {
        await Task.Delay(linger);
        bool startFlush;
        lock (_partitions)
        {
            queue.Lingering = false;
            startFlush = !queue.Flushing && queue.Pending.Count > 0;
            queue.Flushing |= startFlush;
        }

        if (startFlush)
        {
            await FlushAsync(queue);
        }
    }

    private async Task FlushAsync(PartitionQueue queue)
    {
        while (true)
        {
            List<PendingWrite> batch;
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

    // As many writes as fit one transaction (at least one).
    private static List<PendingWrite> TakeBatch(List<PendingWrite> pending)
    {
        var count = 0;
        var bytes = 0L;
        while (count < pending.Count && (count == 0 || (count < MaxTransactionSize && bytes + pending[count].ApproximateBytes <= MaxTransactionBytes)))
        {
            bytes += pending[count].ApproximateBytes;
            count++;
        }

        var batch = pending.GetRange(0, count);
        pending.RemoveRange(0, count);
        return batch;
    }

    private async Task CommitAsync(List<PendingWrite> batch)
    {
        // The same row twice in one batch (a redelivery racing its original, a completion repeated): the first one
        // decides, the rest lose. A transaction may name each row once.
        var distinct = new List<PendingWrite>();
        foreach (var group in batch.GroupBy(p => p.RowKey, StringComparer.Ordinal))
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
                distinct[0].Result.TrySetResult(await CommitOneAsync(distinct[0]));
                return;
            }

            try
            {
                await table.SubmitTransactionAsync(distinct.Select(p => p.Action));
                distinct.ForEach(p => p.Result.TrySetResult(true));
                return;
            }
            catch (TableTransactionFailedException ex) when (ex.FailedTransactionActionIndex is { } failed && failed < distinct.Count
                && IsRefusal(ex, distinct[failed].Action.ActionType))
            {
                distinct[failed].Result.TrySetResult(false);
                distinct.RemoveAt(failed);
            }
            catch (TableTransactionFailedException ex) when (ex.FailedTransactionActionIndex is null && ex.Status is 409 or 404)
            {
                // The service did not say which row it refused: settle each on its own.
                var results = await Task.WhenAll(distinct.Select(CommitOneAsync));
                for (var i = 0; i < distinct.Count; i++)
                {
                    distinct[i].Result.TrySetResult(results[i]);
                }

                return;
            }
        }
    }

    // The row to insert exists, or the row to delete is gone (a missing table is an error, not a refusal).
    private static bool IsRefusal(RequestFailedException failure, TableTransactionActionType action) =>
        (failure.Status == 409 && action == TableTransactionActionType.Add)
        || (failure.Status == 404 && action == TableTransactionActionType.Delete && failure.ErrorCode != "TableNotFound");

    private async Task<bool> CommitOneAsync(PendingWrite write)
    {
        var entity = write.Action.Entity;
        try
        {
            if (write.Action.ActionType == TableTransactionActionType.Delete)
            {
                // A missing row is not an error for a delete: the service's 404 comes back as a response.
                return (await table.DeleteEntityAsync(entity.PartitionKey, entity.RowKey, ETag.All)).Status != 404;
            }

            await table.AddEntityAsync((TableEntity)entity);
            return true;
        }
        catch (RequestFailedException e) when (IsRefusal(e, write.Action.ActionType))
        {
            return false;
        }
    }

    private sealed class PartitionQueue
    {
        public List<PendingWrite> Pending { get; } = [];

        public bool Flushing { get; set; }

        /// <summary>A linger timer is running for writes that wait for company.</summary>
        public bool Lingering { get; set; }
    }

    private sealed record PendingWrite(TableTransactionAction Action)
    {
        public string RowKey => Action.Entity.RowKey;

        // Six bytes a character (the JSON body escapes non-ASCII as \uXXXX) plus a fixed share per row and property: a
        // bound, not a count.
        public long ApproximateBytes { get; } = 1024 + (Action.Entity is TableEntity row ? row.Sum(p => p.Value is string text ? 6L * text.Length : 64) : 0);

        public TaskCompletionSource<bool> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
