using Microsoft.Extensions.Logging;

namespace CopBot.Storage;

internal static partial class Log
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Debug, Message = "Concurrent write to {What} (HTTP {Status}), attempt {Attempt}: re-reading")]
    public static partial void ConcurrentWrite(ILogger logger, string what, int status, int attempt);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning, Message = "Table Storage health check failed")]
    public static partial void HealthCheckFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Warning, Message = "Could not delete superseded history rows of profile {ProfileId}; they are unreferenced and harmless")]
    public static partial void HistoryCleanupFailed(ILogger logger, string profileId, Exception exception);
}
