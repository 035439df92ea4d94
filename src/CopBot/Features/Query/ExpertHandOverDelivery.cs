using System.Text.Json;
using CopBot.Community;
using CopBot.Hosting;
using CopBot.Outbox;

namespace CopBot.Features.Query;

/// <summary>
/// The outbox handler of a timed-out expert (kind <c>query.handover</c>). Sending marks the expert timed out and
/// picks who comes next (the next waiting expert, or the facilitators when nobody is left), and that choice is what
/// the outbox records; completing asks them through the usual outbox messages (<see cref="ExpertAskDelivery"/>,
/// <see cref="FacilitatorCallDelivery"/>), whose keys make a repeated completion harmless. So a crash between
/// marking and asking never leaves the question with nobody.
/// </summary>
public sealed class ExpertHandOverDelivery(IQueryStore queries, ExpertOutreach outreach, QueryThread thread, ILogger<ExpertHandOverDelivery> logger) : IOutboxHandler
{
    public const string HandOverKind = "query.handover";

    public string Kind => HandOverKind;

    public static OutboxMessage Message(QueryRequest query, ExpertAssignment expert) => ExpertDeadlinePayload.Message(HandOverKind, query, expert);

    public async Task<string> SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var payload = message.PayloadAs<ExpertDeadlinePayload>();
        var won = false;
        var stored = await queries.UpdateAsync(payload.Community, payload.QueryId, q =>
        {
            won = q.Status == QueryStatus.Open && payload.AskedIn(q) is not null;
            return won ? q.With(payload.AskedIn(q)! with { State = AssignmentState.TimedOut }) : null;
        }, cancellationToken) ?? await queries.GetAsync(payload.Community, payload.QueryId, cancellationToken);
        if (won)
        {
            Log.ExpertTimedOut(logger, payload.QueryId, payload.ExpertId);
        }

        // Marked now or by an earlier attempt that died before recording its choice: choose (again) from what is stored.
        var timedOut = stored is { Status: QueryStatus.Open } && stored.Find(payload.ExpertId, null) is { State: AssignmentState.TimedOut } expert
            && ExpertDeadlinePayload.RoundOf(expert) == payload.Round;
        var next = !timedOut ? new Next(null, false)
            : stored!.NextWaiting is { } waiting ? new Next(waiting.ExpertId, false)
            : new Next(null, stored.Answered.Count == 0 && stored.Experts.All(e => e.State is not AssignmentState.Asked));
        return JsonSerializer.Serialize(next);
    }

    public async Task CompleteAsync(OutboxMessage message, string outcome, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var payload = message.PayloadAs<ExpertDeadlinePayload>();
        var next = JsonSerializer.Deserialize<Next>(outcome) ?? throw new JsonException($"Unreadable outcome for {message.Key}.");
        if (await queries.GetAsync(payload.Community, payload.QueryId, cancellationToken) is not { Status: QueryStatus.Open } query)
        {
            return;
        }

        if (next.ExpertId is not null && query.Find(next.ExpertId, null) is { } chosen)
        {
            // Asked already (a completion run twice) only re-enqueues the same key; AskAsync marks only experts still waiting.
            query = await outreach.AskAsync(query, chosen, cancellationToken);
        }
        else if (next.Facilitators)
        {
            await outreach.AskFacilitatorsAsync(query, cancellationToken);
        }

        await thread.RefreshAckAsync(query, cancellationToken);
    }

    private sealed record Next(string? ExpertId, bool Facilitators);
}
