namespace CopBot.Features.Collaborate;

internal static partial class CollaborateLog
{
    [LoggerMessage(801, LogLevel.Warning, "Progress check of working group {GroupId} failed; it is retried at the next check.")]
    public static partial void ProgressFailed(ILogger logger, Exception exception, string groupId);
}
