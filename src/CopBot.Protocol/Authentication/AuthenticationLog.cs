using Microsoft.Extensions.Logging;

namespace CopBot.Protocol.Authentication;

/// <summary>Log events of inbound authentication. None of them ever carries a token.</summary>
internal static partial class AuthenticationLog
{
    [LoggerMessage(EventId = 1100, Level = LogLevel.Warning,
        Message = "MicrosoftAppId is not configured: inbound requests are NOT authenticated (local anonymous mode). Never run like this in production.")]
    public static partial void AnonymousMode(ILogger logger);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Information, Message = "Inbound request refused for channel {ChannelId}: {Reason}")]
    public static partial void Rejected(ILogger logger, string channelId, string reason);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Information, Message = "Re-fetched OpenID metadata from {MetadataUrl} because a token named an unknown signing key")]
    public static partial void MetadataRefreshed(ILogger logger, string metadataUrl);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Error, Message = "Could not re-fetch OpenID metadata from {MetadataUrl}; keeping the cached keys")]
    public static partial void MetadataRefreshFailed(ILogger logger, string metadataUrl, Exception exception);

    [LoggerMessage(EventId = 1104, Level = LogLevel.Error, Message = "OpenID metadata from {MetadataUrl} is unavailable; inbound requests are refused until it can be fetched")]
    public static partial void MetadataUnavailable(ILogger logger, string metadataUrl, Exception exception);
}
