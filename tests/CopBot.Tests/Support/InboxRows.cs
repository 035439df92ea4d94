using Azure.Data.Tables;

namespace CopBot.Tests.Support;

/// <summary>Counts the inbox's rows straight from Table Storage: activities still unfinished, and those given up on.</summary>
public static class InboxRows
{
    public static Task<int> UnfinishedAsync(string connectionString, string tablePrefix) => CountAsync(connectionString, tablePrefix, "unfinished|");

    public static Task<int> AbandonedAsync(string connectionString, string tablePrefix) => CountAsync(connectionString, tablePrefix, "abandoned|");

    private static async Task<int> CountAsync(string connectionString, string tablePrefix, string rowPrefix)
    {
        var table = new TableClient(connectionString, tablePrefix + "Inbox");
        var count = 0;
        await foreach (var row in table.QueryAsync<TableEntity>(select: ["RowKey"]))
        {
            count += row.RowKey.StartsWith(rowPrefix, StringComparison.Ordinal) ? 1 : 0;
        }

        return count;
    }
}
