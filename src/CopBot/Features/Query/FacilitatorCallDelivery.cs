using CopBot.Community;
using CopBot.Features.Requests;
using CopBot.Outbox;
using CopBot.Protocol;

namespace CopBot.Features.Query;

/// <summary>
/// The outbox handler that mentions one facilitator in a query's thread when nobody asked could help (kind
/// <c>query.facilitators</c>). Keyed by the query, the facilitator and how many experts it had by then, so a repeated
/// hand-over or decline calls each facilitator once, and a later round (after a referral) again.
/// </summary>
public sealed class FacilitatorCallDelivery(IQueryStore queries, QueryThread thread) : IOutboxHandler
{
    public const string CallKind = "query.facilitators";

    public string Kind => CallKind;

    public static OutboxMessage Message(QueryRequest query, OutreachTarget facilitator)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(facilitator);
        return OutboxMessage.Create(CallKind, OutboxMessage.KeyOf(query.Id, facilitator.Id, $"{CallKind}.{query.Experts.Count}"),
            new Payload(query.Community, query.Id, facilitator.Id, facilitator.Name));
    }

    public async Task<string> SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var payload = message.PayloadAs<Payload>();
        if (await queries.GetAsync(payload.Community, payload.QueryId, cancellationToken) is not { Status: QueryStatus.Open } query)
        {
            return "closed";
        }

        await thread.MentionAsync(query.Place, new ChannelAccount { Id = payload.FacilitatorId, Name = payload.Name },
            "nobody asked so far could answer this question. Could you find someone who knows?", cancellationToken);
        return "mentioned";
    }

    public Task CompleteAsync(OutboxMessage message, string outcome, CancellationToken cancellationToken) => Task.CompletedTask;

    private sealed record Payload(string Community, string QueryId, string FacilitatorId, string Name);
}
