using System.Text.Json;
using CopBot.Community;
using CopBot.Hosting;
using CopBot.Outbox;

namespace CopBot.Features.Query;

/// <summary>
/// The outbox handler of a timed-out expert (kind <c>query.handover</c>). Sending marks the expert timed out and
/// reserves who comes next in the same write (the next waiting expert, or the facilitators when nobody is left);
/// completing asks them through the usual outbox messages (<see cref="ExpertAskDelivery"/>,
/// <see cref="FacilitatorCallDelivery"/>), whose keys make a repeated completion harmless. So a crash between
/// marking and asking never leaves the question with nobody.
/// </summary>
public sealed class ExpertHandOverDelivery(IQueryStore queries, ExpertOutreach outreach, QueryThread thread, TimeProvider clock, ILogger<ExpertHandOverDelivery> logger) : IOutboxHandler
{
    public const string HandOverKind = "query.handover";

    public string Kind => HandOverKind;

    public static OutboxMessage Message(QueryRequest query, ExpertAssignment expert) => ExpertDeadlinePayload.Message(HandOverKind, query, expert);

    public async Task<string> SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var payload = message.PayloadAs<ExpertDeadlinePayload>();
        var now = clock.GetUtcNow();
        var won = false;
        var facilitators = false;
        // One write marks the expert timed out and reserves the next one (asked, not yet reached), so concurrent
        // hand-overs of several experts each reserve a different next expert.
        await queries.UpdateAsync(payload.Community, payload.QueryId, q =>
        {
            won = q.Status == QueryStatus.Open && payload.AskedIn(q) is not null;
            if (!won)
            {
                return null;
            }

            var changed = q.With(payload.AskedIn(q)! with { State = AssignmentState.TimedOut });
            if (changed.NextWaiting is { } next)
            {
                return changed.With(next with { State = AssignmentState.Asked, AskedAt = now });
            }

            facilitators = changed.Answered.Count == 0 && changed.Experts.All(e => e.State is not AssignmentState.Asked);
            return changed;
        }, cancellationToken);
        if (won)
        {
            Log.ExpertTimedOut(logger, payload.QueryId, payload.ExpertId);
        }

        return JsonSerializer.Serialize(new Next(facilitators));
    }

    /// <summary>
    /// Asks every expert reserved and not reached yet (the one reserved above, even when an earlier attempt died before
    /// recording its outcome), or calls the facilitators; the keys of those messages make a second completion harmless.
    /// </summary>
    public async Task CompleteAsync(OutboxMessage message, string outcome, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var payload = message.PayloadAs<ExpertDeadlinePayload>();
        var next = JsonSerializer.Deserialize<Next>(outcome) ?? throw new JsonException($"Unreadable outcome for {message.Key}.");
        if (await queries.GetAsync(payload.Community, payload.QueryId, cancellationToken) is not { Status: QueryStatus.Open } query)
        {
            return;
        }

        query = await outreach.AskAllAsync(query, [.. query.Experts.Where(e => e.State == AssignmentState.Asked && e.NotifiedBy == NotificationChannel.None)], cancellationToken);
        if (next.Facilitators)
        {
            await outreach.AskFacilitatorsAsync(query, cancellationToken);
        }

        await thread.RefreshAckAsync(query, cancellationToken);
    }

    private sealed record Next(bool Facilitators);
}
