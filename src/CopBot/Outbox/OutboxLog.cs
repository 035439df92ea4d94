namespace CopBot.Outbox;

/// <summary>The outbox's log events (ids 300–319).</summary>
internal static partial class OutboxLog
{
    [LoggerMessage(300, LogLevel.Information, "Outbox on: notifications go through queue {Queue} (poison queue {Queue}-poison).")]
    public static partial void Durable(ILogger logger, string queue);

    [LoggerMessage(302, LogLevel.Error, "The outbox queues are not reachable; retrying. Enqueued notifications wait until they are.")]
    public static partial void QueuesUnavailable(ILogger logger, Exception exception);

    [LoggerMessage(303, LogLevel.Warning, "Outbox message {Key} ({Kind}) failed on delivery {DequeueCount}; retried in {Delay}.")]
    public static partial void SendFailed(ILogger logger, Exception exception, string key, string kind, long dequeueCount, TimeSpan delay);

    [LoggerMessage(304, LogLevel.Error, "Outbox message {MessageId} moved to the poison queue: {Reason}. Body: {Body}")]
    public static partial void Poisoned(ILogger logger, string messageId, string reason, string body);

    [LoggerMessage(305, LogLevel.Debug, "Outbox message {Key} already sent; completed without sending again.")]
    public static partial void AlreadySent(ILogger logger, string key);

    [LoggerMessage(306, LogLevel.Warning, "Outbox message {Key}: the previous claim went stale (its worker stopped between claiming and recording); sending again, the recipient may see it twice.")]
    public static partial void InDoubtResend(ILogger logger, string key);

    [LoggerMessage(307, LogLevel.Debug, "Outbox message {Key} is being sent by another worker (claim valid for {LeaseLeft} more); looking again then.")]
    public static partial void Busy(ILogger logger, string key, TimeSpan leaseLeft);

    [LoggerMessage(308, LogLevel.Warning, "Outbox receive failed; retrying after the poll interval.")]
    public static partial void ReceiveFailed(ILogger logger, Exception exception);
}
