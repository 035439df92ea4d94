using System.Text.Json;
using CopBot.Community;
using CopBot.Features.Requests;
using CopBot.Outbox;

namespace CopBot.Features.Query;

/// <summary>
/// The outbox handler that asks one expert (kind <c>query.ask</c>): the 1:1 card, or an @mention in the thread, then
/// how they were reached stored on the query. The message carries ids only; the card is built from the stored query.
/// </summary>
public sealed class ExpertAskDelivery(
    MemberOutreach outreach,
    IQueryStore queries,
    QueryThread thread,
    TimeProvider clock) : IOutboxHandler
{
    public const string AskKind = "query.ask";

    public string Kind => AskKind;

    /// <summary>The message asking <paramref name="expert"/>; its key is the query, the expert and the attempt kind.</summary>
    public static OutboxMessage Message(QueryRequest query, ExpertAssignment expert)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(expert);
        return OutboxMessage.Create(AskKind, OutboxMessage.KeyOf(query.Id, expert.ExpertId, AskKind), new Payload(query.Community, query.Id, expert.ExpertId));
    }

    public async Task<string> SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var payload = message.PayloadAs<Payload>();
        var query = await queries.GetAsync(payload.Community, payload.QueryId, cancellationToken);
        // Closed meanwhile, the expert no longer on it, or already reached: nothing to send, and nothing to retry.
        if (query is not { Status: QueryStatus.Open } || query.Find(payload.ExpertId, null) is not { NotifiedBy: NotificationChannel.None } expert)
        {
            return Outcome(new OutreachResult(NotificationChannel.None, null, null));
        }

        var reached = await outreach.ReachAsync(
            query.Place, ExpertOutreach.Target(expert), QueryCards.ExpertRequest(query, expert),
            "A question for you", "could you help with this question? Reply in this thread.", cancellationToken);
        return Outcome(reached);
    }

    public async Task CompleteAsync(OutboxMessage message, string outcome, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var payload = message.PayloadAs<Payload>();
        var reached = JsonSerializer.Deserialize<OutreachResult>(outcome) ?? throw new JsonException($"Unreadable outcome for {message.Key}.");
        if (reached.Channel == NotificationChannel.None)
        {
            return;
        }

        var now = clock.GetUtcNow();
        var stored = await queries.UpdateAsync(payload.Community, payload.QueryId, q =>
            q.Find(payload.ExpertId, null) is { NotifiedBy: NotificationChannel.None } expert
                ? q.With(expert with
                {
                    NotifiedBy = reached.Channel,
                    PersonalConversationId = reached.PersonalConversationId ?? expert.PersonalConversationId,
                    CardActivityId = reached.CardActivityId ?? expert.CardActivityId,
                    State = expert.State == AssignmentState.Waiting ? AssignmentState.Asked : expert.State,
                    AskedAt = expert.AskedAt ?? now,
                })
                : null,
            cancellationToken);

        // A mention changes the acknowledgement card's note ("… have not installed CopBot"); a 1:1 card does not.
        if (reached.Channel == NotificationChannel.ThreadMention && stored is { AckActivityId: not null })
        {
            await thread.RefreshAckAsync(stored, cancellationToken);
        }
    }

    private static string Outcome(OutreachResult reached) => JsonSerializer.Serialize(reached);

    private sealed record Payload(string Community, string QueryId, string ExpertId);
}
