using CopBot.Community;
using CopBot.Features.Requests;
using CopBot.Hosting;
using CopBot.Outbox;
using Microsoft.Extensions.Options;

namespace CopBot.Features.Query;

/// <summary>
/// Reminds experts at half the answer window and hands the question to the next expert when it ends, for every
/// open query, through the outbox: one message per step, expert and round (<see cref="ExpertReminderDelivery"/>,
/// <see cref="ExpertHandOverDelivery"/>), enqueued before the reminder is recorded, so several instances' timers or a
/// restart enqueue the same key (the expert hears once) and a crash never loses the step.
/// </summary>
public sealed class QueryDeadlineChecker(
    IQueryStore queries,
    IOutbox outbox,
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

        var due = AnswerDeadlines.Due(query, clock.GetUtcNow(), options.Value.AnswerWindow).ToList();
        if (due.Count == 0)
        {
            return;
        }

        await outbox.EnqueueAsync(
            [.. due.Select(d => d.Action == DeadlineAction.Remind ? ExpertReminderDelivery.Message(query, d.Expert) : ExpertHandOverDelivery.Message(query, d.Expert))],
            cancellationToken);
        var reminded = due.Where(d => d.Action == DeadlineAction.Remind).Select(d => d.Expert.ExpertId).ToHashSet(StringComparer.Ordinal);
        if (reminded.Count > 0 && await RecordRemindedAsync(query, reminded, cancellationToken) is { } stored)
        {
            await thread.RefreshAckAsync(stored, cancellationToken);
        }
    }

    /// <summary>Records the reminders so the next pass does not enqueue them again; null when another instance (or an answer) got there first.</summary>
    private async Task<QueryRequest?> RecordRemindedAsync(QueryRequest query, HashSet<string> expertIds, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return await queries.UpdateAsync(query.Community, query.Id, q =>
        {
            var pending = q.Experts.Where(e => expertIds.Contains(e.ExpertId) && e.State == AssignmentState.Asked && e.RemindedAt is null).ToList();
            return pending.Count == 0 ? null : pending.Aggregate(q, (current, e) => current.With(e with { RemindedAt = now }));
        }, cancellationToken);
    }
}
