namespace CopBot.Features.Discuss;

internal static partial class DiscussLog
{
    [LoggerMessage(601, LogLevel.Information, "Discussion {DiscussionId} opened; {Count} members invited.")]
    public static partial void Opened(ILogger logger, string discussionId, int count);

    [LoggerMessage(602, LogLevel.Information, "Discussion {DiscussionId}: contribution {ActivityId} recorded ({Count} in all).")]
    public static partial void ContributionRecorded(ILogger logger, string discussionId, string activityId, int count);

    [LoggerMessage(603, LogLevel.Warning, "Deadline check of discussion {DiscussionId} failed; it is retried at the next check.")]
    public static partial void DeadlineCheckFailed(ILogger logger, Exception exception, string discussionId);

    [LoggerMessage(604, LogLevel.Information, "Discussion {DiscussionId} handed to the facilitators and closed.")]
    public static partial void HandedOver(ILogger logger, string discussionId);
}
