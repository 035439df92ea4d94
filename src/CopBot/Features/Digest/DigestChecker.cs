using CopBot.Community;
using CopBot.Features.Query;
using CopBot.Features.Requests;
using CopBot.Outbox;
using Microsoft.Extensions.Options;

namespace CopBot.Features.Digest;

/// <summary>
/// Hands the digest of the latest period that has ended to the outbox (<see cref="DigestPostDelivery"/> builds, posts
/// and records it), once per period: the check enqueues, then claims the period in the digest log, so a crash in
/// between or another instance's check enqueue the same key (one post), and later checks skip a claimed period until
/// its lease runs out unfinished (the message went to the poison queue, or the outbox is held up), when it is
/// enqueued again. Missed periods are not caught up: after downtime only the latest one is posted.
/// </summary>
public sealed class DigestChecker(
    IDigestLog log,
    IOutbox outbox,
    IOptions<DigestOptions> options,
    IOptions<QueryOptions> queryOptions,
    TimeProvider clock,
    ILogger<DigestChecker> logger) : IDeadlineChecker
{
    public async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var community = queryOptions.Value.Community;
        var now = clock.GetUtcNow();
        if (!settings.Enabled || settings.Schedule.LatestEndedBy(now) is not { } period)
        {
            return;
        }

        try
        {
            // A finished period costs one point read per check.
            switch (await log.GetAsync(community, period.Key, cancellationToken))
            {
                case null:
                    await outbox.EnqueueAsync([DigestPostDelivery.Message(community, period)], cancellationToken);
                    await log.TryClaimAsync(community, period.Key, now, settings.ClaimLease, cancellationToken);
                    break;
                case DigestOutcome.Claimed:
                    // Claimed and unfinished: enqueued again only by the one check that takes the stale claim over.
                    if (await log.TryClaimAsync(community, period.Key, now, settings.ClaimLease, cancellationToken) is not null)
                    {
                        await outbox.EnqueueAsync([DigestPostDelivery.Message(community, period)], cancellationToken);
                    }

                    break;
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A storage failure (or, without the outbox, a connector failure) must not end the loop: the next check retries.
            DigestLog.Failed(logger, ex, period.Key);
        }
    }
}
