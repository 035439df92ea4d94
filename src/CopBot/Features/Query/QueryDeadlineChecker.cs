using CopBot.Community;
using CopBot.Features.Requests;
using CopBot.Hosting;
using Microsoft.Extensions.Options;

namespace CopBot.Features.Query;

/// <summary>
/// Reminds experts at half the answer window and hands the question to the next expert when it ends, for every
/// open query. Each step is first claimed with an ETag-guarded write (RemindedAt, TimedOut), so several
/// instances, or a restart mid-way, never remind twice; the state lives in storage, so nothing is lost.
/// </summary>
public sealed class QueryDeadlineChecker(
    IQueryStore queries,
    ExpertOutreach outreach,
    QueryThread thread,
    IOptions<QueryOptions> options,
    TimeProvider clock,
    ILogger<QueryDeadlineChecker> logger) : IDeadlineChecker
{
    public Task RunOnceAsync(CancellationToken cancellationToken)
    {
        var community = options.Value.Community;
        return OpenRequestSweep.RunAsync(ct => queries.ListOpenAsync(community, ct), (id, ct) => CheckAsync(community, id, ct), (ex, id) => Log.DeadlineCheckFailed(logger, ex, id), cancellationToken);
    }

    private async Task CheckAsync(string community, string id, CancellationToken cancellationToken)
    {
        var query = await queries.GetAsync(community, id, cancellationToken);
        if (query is null)
        {
            return;
        }

        var window = options.Value.AnswerWindow;
        var changed = false;
        foreach (var (expert, action) in AnswerDeadlines.Due(query, clock.GetUtcNow(), window))
        {
            var claimed = await ClaimAsync(query, expert, action, cancellationToken);
            if (claimed is null)
            {
                continue;
            }

            query = claimed;
            changed = true;
            if (action == DeadlineAction.Remind)
            {
                await outreach.RemindAsync(query, expert, expert.AskedAt!.Value + window, cancellationToken);
            }
            else
            {
                Log.ExpertTimedOut(logger, query.Id, expert.ExpertId);
                query = await QueryResponses.AskNextOrFacilitatorsAsync(query, outreach, cancellationToken);
            }
        }

        if (changed)
        {
            await thread.RefreshAckAsync(query, cancellationToken);
        }
    }

    /// <summary>Records the step; null when another instance (or an answer) got there first.</summary>
    private async Task<QueryRequest?> ClaimAsync(QueryRequest query, ExpertAssignment expert, DeadlineAction action, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var won = false;
        var stored = await queries.UpdateAsync(query.Community, query.Id, q =>
        {
            won = false;
            if (q.Find(expert.ExpertId, null) is not { State: AssignmentState.Asked } current
                || (action == DeadlineAction.Remind && current.RemindedAt is not null))
            {
                return null;
            }

            won = true;
            return q.With(action == DeadlineAction.Remind ? current with { RemindedAt = now } : current with { State = AssignmentState.TimedOut });
        }, cancellationToken);
        return won ? stored : null;
    }
}
