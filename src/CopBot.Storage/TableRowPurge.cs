using System.Globalization;
using Azure;
using Azure.Data.Tables;

namespace CopBot.Storage;

/// <summary>
/// Deletes rows found by a query, for the retention jobs of tables that grow forever (Table Storage has no expiry).
/// Safe on several instances at once: a row already deleted, or changed since it was read, is skipped.
/// </summary>
public static class TableRowPurge
{
    private const int MaxTransactionSize = 100;

    /// <summary>
    /// A point in time as fixed-width UTC text, the column retention filters compare: it sorts in time order on every
    /// service, while Azurite compares datetime values unreliably.
    /// </summary>
    public static string SortableUtc(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff", CultureInfo.InvariantCulture);

    /// <summary>
    /// Deletes the rows matching <paramref name="filter"/>, guarded by the ETag each was read with (a row rewritten
    /// meanwhile is kept): one transaction per 100 rows of a partition, falling back to row by row when the transaction
    /// fails because another instance deleted or changed some. Returns how many rows this call deleted.
    /// </summary>
    public static async Task<int> DeleteWhereAsync(TableClient table, string filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(table);
        var deleted = 0;
        var rows = new List<TableEntity>(MaxTransactionSize);
        // Query results come ordered by partition, so each run of one partition is one batch (one partition per transaction).
        await foreach (var row in table.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
        {
            if (rows.Count == MaxTransactionSize || (rows.Count > 0 && rows[0].PartitionKey != row.PartitionKey))
            {
                deleted += await DeleteBatchAsync(table, rows, cancellationToken);
                rows.Clear();
            }

            rows.Add(row);
        }

        return deleted + await DeleteBatchAsync(table, rows, cancellationToken);
    }

    private static async Task<int> DeleteBatchAsync(TableClient table, List<TableEntity> rows, CancellationToken cancellationToken)
    {
        if (rows.Count > 1)
        {
            try
            {
                await table.SubmitTransactionAsync(rows.Select(r => new TableTransactionAction(TableTransactionActionType.Delete, r, r.ETag)), cancellationToken);
                return rows.Count;
            }
            catch (TableTransactionFailedException)
            {
                // Another instance got to some of them first: row by row below.
            }
        }

        var deleted = 0;
        foreach (var row in rows)
        {
            deleted += await DeleteRowAsync(table, row, cancellationToken) ? 1 : 0;
        }

        return deleted;
    }

    private static async Task<bool> DeleteRowAsync(TableClient table, TableEntity row, CancellationToken cancellationToken)
    {
        try
        {
            var response = await table.DeleteEntityAsync(row.PartitionKey, row.RowKey, row.ETag, cancellationToken);
            return response.Status != 404;
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
            // Gone already, or rewritten since it was read (e.g. a key claimed anew): not ours to delete.
            return false;
        }
    }
}
