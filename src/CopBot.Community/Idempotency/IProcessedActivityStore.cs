namespace CopBot.Community;

/// <summary>
/// Remembers which inbound activities were already handled. Teams redelivers an activity it believes failed (for
/// instance when the bot answered slowly), so the same activity id can arrive twice, even while the first delivery is
/// still running; handling it twice would post duplicate questions or route a request twice.
/// </summary>
public interface IProcessedActivityStore
{
    /// <summary>
    /// Claims the activity. Returns <see langword="true"/> only for the first delivery; every later or concurrent
    /// delivery of the same (channel, conversation, activity id) gets <see langword="false"/>.
    /// </summary>
    Task<bool> TryBeginAsync(string channelId, string conversationId, string activityId, CancellationToken cancellationToken);

    /// <summary>
    /// Releases a claim. Call it when the turn failed, so that the redelivery Teams sends after the failure is
    /// processed instead of being dropped as a duplicate. Forgetting an unknown activity is not an error.
    /// </summary>
    Task ForgetAsync(string channelId, string conversationId, string activityId, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes the records of activities received before <paramref name="receivedBefore"/> (Table Storage has no
    /// expiry; Teams redelivers within minutes, so old records only cost storage). Returns how many were deleted.
    /// Safe to run on several instances at once.
    /// </summary>
    Task<int> PurgeAsync(DateTimeOffset receivedBefore, CancellationToken cancellationToken);
}
