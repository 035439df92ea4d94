namespace CopBot.Features.Consult;

internal static partial class ConsultLog
{
    [LoggerMessage(701, LogLevel.Information, "Consultation {ConsultationId} opened; {Count} reviewers invited.")]
    public static partial void Opened(ILogger logger, string consultationId, int count);

    [LoggerMessage(702, LogLevel.Warning, "Deadline check of consultation {ConsultationId} failed; it is retried at the next check.")]
    public static partial void DeadlineCheckFailed(ILogger logger, Exception exception, string consultationId);

    [LoggerMessage(703, LogLevel.Information, "Consultation {ConsultationId} summarised ({Reviews} reviews) and closed.")]
    public static partial void Summarised(ILogger logger, string consultationId, int reviews);
}
