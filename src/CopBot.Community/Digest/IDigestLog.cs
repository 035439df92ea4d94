namespace CopBot.Community;

/// <summary>What became of a period's digest.</summary>
public enum DigestOutcome
{
    /// <summary>Claimed by an instance that is building or posting it.</summary>
    Claimed,

    /// <summary>Posted in the community channel.</summary>
    Posted,

    /// <summary>Nothing to say for the period: deliberately not posted.</summary>
    Quiet,

    /// <summary>The community has no channel yet (the bot was never added to a team): nothing posted.</summary>
    NoChannel,
}

/// <summary>A claim on one period's digest, held by the instance that won it.</summary>
public sealed record DigestClaim(string Community, string PeriodKey, DateTimeOffset ClaimedAt, string ETag);

/// <summary>
/// One record per community and period, so a digest is posted at most once: the first instance to claim a period
/// posts it; a claim left unfinished (the instance died mid-way) can be taken over once its lease has run out.
/// </summary>
public interface IDigestLog
{
    /// <summary>The claim, or null when the period is finished or another instance's claim is still fresh.</summary>
    Task<DigestClaim?> TryClaimAsync(string community, string periodKey, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>Records the outcome under the claim (ETag-guarded: a claim taken over since then fails and changes nothing).</summary>
    Task<bool> FinishAsync(DigestClaim claim, DigestOutcome outcome, string? activityId, CancellationToken cancellationToken);

    Task<DigestOutcome?> GetAsync(string community, string periodKey, CancellationToken cancellationToken);
}
