using Azure;
using Azure.Data.Tables;
using CopBot.Community;

namespace CopBot.Storage;

/// <summary>
/// Idempotency records: partition = (channel, conversation), row = activity id. Claiming is a plain insert, which
/// Table Storage makes atomic: of any number of concurrent deliveries exactly one insert succeeds, the others get 409.
/// </summary>
public sealed class TableProcessedActivityStore(CopBotTables tables, TimeProvider timeProvider) : IProcessedActivityStore
{
    public async Task<bool> TryBeginAsync(
        string channelId, string conversationId, string activityId, CancellationToken cancellationToken)
    {
        var entity = new TableEntity(Partition(channelId, conversationId), KeyEncoder.Encode(activityId))
        {
            // Lets a future clean-up job purge old records; Table Storage has no TTL.
            ["ReceivedAt"] = timeProvider.GetUtcNow(),
        };
        try
        {
            await tables.ProcessedActivities.AddEntityAsync(entity, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }

    public async Task ForgetAsync(string channelId, string conversationId, string activityId, CancellationToken cancellationToken)
    {
        // Deleting a missing row is not an error, so forgetting twice is harmless.
        await tables.ProcessedActivities.DeleteEntityAsync(
            Partition(channelId, conversationId), KeyEncoder.Encode(activityId), ETag.All, cancellationToken);
    }

    private static string Partition(string channelId, string conversationId)
    {
        ArgumentNullException.ThrowIfNull(channelId);
        ArgumentNullException.ThrowIfNull(conversationId);
        return KeyEncoder.Join(channelId, conversationId);
    }
}
