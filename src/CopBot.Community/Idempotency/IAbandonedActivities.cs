namespace CopBot.Community;

/// <summary>
/// Activities the inbox gave up on (their turn started <c>MaxAttempts</c> times without ending: a long storage or
/// connector outage, or a bug), kept for an operator: listed, and requeued once the cause is fixed.
/// </summary>
public interface IAbandonedActivities
{
    /// <summary>Every activity given up on, oldest first.</summary>
    Task<IReadOnlyList<AbandonedActivity>> ListAbandonedAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Makes the activity unfinished again, its attempts counted from zero and its lease already run out, so the next
    /// sweep of a running bot takes it over and runs its turn (claimed for the same delivery, so a turn that got as far
    /// as its claim before is not mistaken for a redelivery). False, changing nothing, when it is no longer abandoned
    /// (requeued already) or a later delivery of it is unfinished now.
    /// </summary>
    Task<bool> TryRequeueAsync(AbandonedActivity abandoned, CancellationToken cancellationToken);
}

/// <summary>An activity given up on, and when.</summary>
public sealed record AbandonedActivity(UnfinishedActivity Unfinished, DateTimeOffset AbandonedAt);
