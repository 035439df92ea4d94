namespace CopBot.Community;

/// <summary>What became of a period's digest.</summary>
public enum DigestOutcome
{
    /// <summary>Handed to the outbox by a check, which sends it (enqueued again if still unfinished after the lease).</summary>
    Claimed,

    /// <summary>Posted in the community channel.</summary>
    Posted,

    /// <summary>Nothing to say for the period: deliberately not posted.</summary>
    Quiet,

    /// <summary>The community has no channel yet (the bot was never added to a team): nothing posted.</summary>
    NoChannel,

    /// <summary>A later period ended before this one's post went out (the outbox was held up): only the latest is posted.</summary>
    Superseded,
}

/// <summary>A claim on one period's digest, held by the instance that won it.</summary>
public sealed record DigestClaim(string Community, string PeriodKey, DateTimeOffset ClaimedAt, string ETag);

/// <summary>
/// One record per community and period: a check claims the period when it hands the digest to the outbox (a claim
/// still unfinished after its lease, e.g. a message that went to the poison queue, is taken over and enqueued again),
/// and the outbox's send records the outcome. The first outcome recorded is final.
/// </summary>
public interface IDigestLog
{
    /// <summary>The claim, or null when the period is finished or another instance's claim is still fresh.</summary>
    Task<DigestClaim?> TryClaimAsync(string community, string periodKey, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>
    /// Records the period's final outcome, claimed or not (the send may finish before its check's claim is written).
    /// False when an outcome was recorded already: it is kept, so a repeated completion changes nothing.
    /// </summary>
    Task<bool> FinishAsync(string community, string periodKey, DigestOutcome outcome, string? activityId, DateTimeOffset now, CancellationToken cancellationToken);

    Task<DigestOutcome?> GetAsync(string community, string periodKey, CancellationToken cancellationToken);
}
