using Azure.Data.Tables;

namespace CopBot.Tests.Support;

/// <summary>Reads what the bot wrote, straight from Table Storage, to prove what was (not) stored.</summary>
public static class StoredRows
{
    public static async Task<int> CountAsync(this BotHarness harness, string table)
    {
        var client = new TableClient(harness.ConnectionString, harness.TablePrefix + table);
        var count = 0;
        await foreach (var _ in client.QueryAsync<TableEntity>(select: ["PartitionKey"]))
        {
            count++;
        }

        return count;
    }

    /// <summary>Every table the bot writes during a turn, for "nothing stored" checks.</summary>
    public static async Task<int> CountTurnRowsAsync(this BotHarness harness) =>
        await harness.CountAsync("ProcessedActivities") + await harness.CountAsync("Inbox") + await harness.CountAsync("Members") + await harness.CountAsync("Conversations");
}
