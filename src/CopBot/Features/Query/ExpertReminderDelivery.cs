using CopBot.Community;
using CopBot.Outbox;
using Microsoft.Extensions.Options;

namespace CopBot.Features.Query;

/// <summary>
/// The outbox handler of the half-time reminder to one expert (kind <c>query.remind</c>): sent where they were
/// asked, only if the query is still open and they still have not answered or declined in that round.
/// </summary>
public sealed class ExpertReminderDelivery(IQueryStore queries, ExpertOutreach outreach, IOptions<QueryOptions> options) : IOutboxHandler
{
    public const string RemindKind = "query.remind";

    public string Kind => RemindKind;

    public static OutboxMessage Message(QueryRequest query, ExpertAssignment expert) => ExpertDeadlinePayload.Message(RemindKind, query, expert);

    public async Task<string> SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var payload = message.PayloadAs<ExpertDeadlinePayload>();
        var query = await queries.GetAsync(payload.Community, payload.QueryId, cancellationToken);
        if (query is not { Status: QueryStatus.Open } || payload.AskedIn(query) is not { AskedAt: { } askedAt } expert)
        {
            return "not due";
        }

        await outreach.RemindAsync(query, expert, askedAt + options.Value.AnswerWindow, cancellationToken);
        return "reminded";
    }

    public Task CompleteAsync(OutboxMessage message, string outcome, CancellationToken cancellationToken) => Task.CompletedTask;
}
