using System.Globalization;
using CopBot.Community;
using CopBot.Outbox;

namespace CopBot.Features.Query;

/// <summary>
/// The ids a deadline step of one expert carries through the outbox. The round is when the expert was asked, so a
/// step is keyed once per ask: two instances' timers, or a timer restarted before it recorded the step, enqueue the
/// same key, and the expert hears once.
/// </summary>
public sealed record ExpertDeadlinePayload(string Community, string QueryId, string ExpertId, string Round)
{
    public static string RoundOf(ExpertAssignment expert)
    {
        ArgumentNullException.ThrowIfNull(expert);
        return (expert.AskedAt ?? DateTimeOffset.MinValue).ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
    }

    public static OutboxMessage Message(string kind, QueryRequest query, ExpertAssignment expert)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(expert);
        var round = RoundOf(expert);
        return OutboxMessage.Create(kind, OutboxMessage.KeyOf(query.Id, expert.ExpertId, $"{kind}.{round}"), new ExpertDeadlinePayload(query.Community, query.Id, expert.ExpertId, round));
    }

    /// <summary>The expert as stored, when still asked in this round.</summary>
    public ExpertAssignment? AskedIn(QueryRequest query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return query.Find(ExpertId, null) is { State: AssignmentState.Asked } expert && RoundOf(expert) == Round ? expert : null;
    }
}
