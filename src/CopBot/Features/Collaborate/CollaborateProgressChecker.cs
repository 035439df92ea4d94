using CopBot.Community;
using CopBot.Features.Query;
using CopBot.Features.Requests;
using Microsoft.Extensions.Options;

namespace CopBot.Features.Collaborate;

/// <summary>Posts a progress card in each open working group's thread every <see cref="CollaborateOptions.ProgressEvery"/>, claimed in storage first.</summary>
public sealed class CollaborateProgressChecker(
    IWorkingGroupStore groups,
    ThreadPoster poster,
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
        var now = clock.GetUtcNow();
        var every = options.Value.ProgressEvery;
        var won = false;
        var claimed = await groups.UpdateAsync(name, id, g =>
        {
            won = g.ProgressDue(now, every);
            return won ? g with { LastProgressAt = now } : null;
        }, cancellationToken);
        if (won && claimed is not null)
        {
            await poster.PostCardAsync(claimed.Place, CollaborateCards.Progress(claimed, now), "Weekly progress", cancellationToken);
        }
    }
}
