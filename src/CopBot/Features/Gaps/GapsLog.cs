namespace CopBot.Features.Gaps;

/// <summary>Log events of the knowledge-gap notices (ids 880–899, apart from the others so features merge without clashes).</summary>
internal static partial class GapsLog
{
    [LoggerMessage(EventId = 880, Level = LogLevel.Warning, Message = "Gap notice for {RequestId} could not reach facilitator {FacilitatorId}")]
    public static partial void NoticeFailed(ILogger logger, Exception exception, string requestId, string facilitatorId);
}
