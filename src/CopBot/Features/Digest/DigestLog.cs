namespace CopBot.Features.Digest;

/// <summary>Log events of the digest (ids 850–879, apart from the others so features merge without clashes).</summary>
internal static partial class DigestLog
{
    [LoggerMessage(EventId = 850, Level = LogLevel.Information, Message = "Digest {Period} posted as activity {ActivityId}")]
    public static partial void Posted(ILogger logger, string period, string activityId);

    [LoggerMessage(EventId = 851, Level = LogLevel.Information, Message = "Digest {Period}: nothing to say, not posted")]
    public static partial void Quiet(ILogger logger, string period);

    [LoggerMessage(EventId = 852, Level = LogLevel.Warning, Message = "Digest {Period} not posted: the community has no channel yet (add the bot to a team)")]
    public static partial void NoChannel(ILogger logger, string period);

    [LoggerMessage(EventId = 853, Level = LogLevel.Error, Message = "Digest {Period}: the check failed; the next check retries")]
    public static partial void Failed(ILogger logger, Exception exception, string period);

    [LoggerMessage(EventId = 854, Level = LogLevel.Warning, Message = "Digest {Period} not posted: a later period ended before it could be sent (only the latest is posted)")]
    public static partial void Superseded(ILogger logger, string period);

}
