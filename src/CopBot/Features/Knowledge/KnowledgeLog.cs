namespace CopBot.Features.Knowledge;

/// <summary>Log events of the knowledge base (ids 700–749, apart from the host's so features merge without clashes).</summary>
internal static partial class KnowledgeLog
{
    [LoggerMessage(700, LogLevel.Debug, "Knowledge index of {Community} refreshed from storage: {Count} entries.")]
    public static partial void IndexRefreshed(ILogger logger, string community, int count);

    [LoggerMessage(701, LogLevel.Warning, "Could not refresh the knowledge index; search keeps the previous one.")]
    public static partial void IndexRefreshFailed(ILogger logger, Exception exception);
}
