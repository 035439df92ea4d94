using CopBot.Community;
using CopBot.Features.Requests;
using CopBot.Outbox;

namespace CopBot.Features.Collaborate;

/// <summary>
/// The outbox handler of the weekly progress card (kind <c>collaborate.progress</c>): one message per group and
/// progress round, the card drawn from the group as stored when it is sent. A group completed or cancelled
/// meanwhile gets nothing, nor does a round a later one has replaced (the outbox was held up for a whole period).
/// </summary>
public sealed class CollaborateProgressDelivery(IWorkingGroupStore groups, ThreadPoster poster, TimeProvider clock) : IOutboxHandler
{
    public const string ProgressKind = "collaborate.progress";

    private const string NotSent = "-";

    public string Kind => ProgressKind;

    /// <summary>The card of <paramref name="round"/>; the key is the group and the round, so every instance's timer enqueues the same one.</summary>
    public static OutboxMessage Message(WorkingGroup group, int round)
    {
        ArgumentNullException.ThrowIfNull(group);
        return OutboxMessage.Create(ProgressKind, OutboxMessage.KeyOf(group.Id, RequestNotices.Thread, $"{ProgressKind}.{round}"), new Payload(group.Community, group.Id, round));
    }

    public async Task<string> SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var payload = message.PayloadAs<Payload>();
        var group = await groups.GetAsync(payload.Community, payload.GroupId, cancellationToken);
        if (group is not { Status: WorkingGroupStatus.Open } || group.ProgressRound > payload.Round)
        {
            return NotSent;
        }

        return await poster.PostCardAsync(group.Place, CollaborateCards.Progress(group, clock.GetUtcNow()), "Weekly progress", cancellationToken);
    }

    /// <summary>Keeps the card's activity id on the group (an older round never overwrites a later one's).</summary>
    public async Task CompleteAsync(OutboxMessage message, string outcome, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (outcome is NotSent or { Length: 0 })
        {
            return;
        }

        var payload = message.PayloadAs<Payload>();
        await groups.UpdateAsync(payload.Community, payload.GroupId, g =>
            g.ProgressRound <= payload.Round && g.ProgressCardActivityId != outcome ? g with { ProgressCardActivityId = outcome } : null, cancellationToken);
    }

    private sealed record Payload(string Community, string GroupId, int Round);
}
