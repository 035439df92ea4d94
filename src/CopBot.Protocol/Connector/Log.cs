using Microsoft.Extensions.Logging;

namespace CopBot.Protocol.Connector;

/// <summary>The connector's log events. Tokens and secrets never appear in any of them.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Acquired a Bot Framework token from {LoginUrl}, valid until {ExpiresAt}")]
    public static partial void TokenAcquired(ILogger logger, Uri loginUrl, DateTimeOffset expiresAt);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Error, Message = "Token request to {LoginUrl} failed with {StatusCode}: {Error}")]
    public static partial void TokenRequestFailed(ILogger logger, Uri loginUrl, int statusCode, string error);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Warning, Message = "Bot Connector {Method} {Path} failed with {StatusCode}")]
    public static partial void ConnectorCallFailed(ILogger logger, HttpMethod method, string path, int statusCode);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Debug, Message = "Held a call to {ConversationId} for {DelayMs} ms to stay under Teams' per-conversation rate limits")]
    public static partial void Throttled(ILogger logger, string conversationId, double delayMs);
}
