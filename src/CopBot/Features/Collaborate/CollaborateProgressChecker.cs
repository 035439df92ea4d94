using CopBot.Community;
using CopBot.Features.Query;
using CopBot.Features.Requests;
using CopBot.Outbox;
using Microsoft.Extensions.Options;

namespace CopBot.Features.Collaborate;

/// <summary>
/// Every <see cref="CollaborateOptions.ProgressEvery"/>, enqueues a progress card for each open working group's
/// thread, then records the round. Enqueue before record: a crash in between, another instance's timer or a
/// restarted timer enqueue the same key (group, round) again, so the card is neither lost nor posted twice.
/// </summary>
public sealed class CollaborateProgressChecker(
    IWorkingGroupStore groups,
    IOutbox outbox,
    IOptions<QueryOptions> community,
    IOptions<CollaborateOptions> options,
    TimeProvider clock,
    ILogger<CollaborateProgressChecker> logger) : IDeadlineChecker
{
    public Task RunOnceAsync(CancellationToken cancellationToken)
    {
        var name = community.Value.Community;
        return OpenRequestSweep.RunAsync(ct => groups.ListOpenAsync(name, ct), (id, ct) => CheckAsync(name, id, ct), (ex, id) => CollaborateLog.ProgressFailed(logger, ex, id), cancellationToken);
    }

    private async Task CheckAsync(string name, string id, CancellationToken cancellationToken)
    {
        var group = await groups.GetAsync(name, id, cancellationToken);
        if (group is null || !group.ProgressDue(clock.GetUtcNow(), options.Value.ProgressEvery))
        {
            return;
        }

        var round = group.ProgressRound + 1;
        await outbox.EnqueueAsync([CollaborateProgressDelivery.Message(group, round)], cancellationToken);
        // Recorded once per round, whoever's check gets here first; the others' writes change nothing.
        var now = clock.GetUtcNow();
        await groups.UpdateAsync(name, id, g => g.ProgressRound < round ? g with { ProgressRound = round, LastProgressAt = now } : null, cancellationToken);
    }
}
