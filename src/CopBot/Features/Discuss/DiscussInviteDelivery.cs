using CopBot.Community;
using CopBot.Features.Requests;
using CopBot.Outbox;
using Microsoft.Extensions.Options;

namespace CopBot.Features.Discuss;

/// <summary>The outbox handler that invites one member to a discussion (kind <c>discuss.invite</c>).</summary>
public sealed class DiscussInviteDelivery(
    MemberOutreach outreach, IDiscussionStore discussions, ThreadPoster poster, IOptions<DiscussOptions> options, TimeProvider clock)
    : InvitationDelivery(outreach)
{
    public const string InviteKind = "discuss.invite";

    public override string Kind => InviteKind;

    public static OutboxMessage Message(Discussion discussion, DiscussionInvitee invitee)
    {
        ArgumentNullException.ThrowIfNull(discussion);
        ArgumentNullException.ThrowIfNull(invitee);
        return Message(InviteKind, discussion.Community, discussion.Id, invitee.MemberId);
    }

    protected override async Task<Invitation?> BuildAsync(InvitationPayload payload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var discussion = await discussions.GetAsync(payload.Community, payload.RequestId, cancellationToken);
        return discussion is { Status: DiscussionStatus.Open } && discussion.Invitees.FirstOrDefault(i => i.MemberId == payload.MemberId) is { NotifiedBy: NotificationChannel.None } invitee
            ? new Invitation(discussion.Place, new OutreachTarget(invitee.MemberId, invitee.Name, invitee.AadObjectId), DiscussCards.Invite(discussion, invitee),
                "Invitation to a discussion", "you are invited to this discussion: share your experience as a reply in this thread.")
            : null;
    }

    protected override async Task RecordAsync(InvitationPayload payload, OutreachResult reached, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payload);
        ArgumentNullException.ThrowIfNull(reached);
        var stored = await discussions.UpdateAsync(payload.Community, payload.RequestId, d =>
            d.Invitees.FirstOrDefault(i => i.MemberId == payload.MemberId) is { NotifiedBy: NotificationChannel.None } invitee
                ? d.With(invitee with { NotifiedBy = reached.Channel, PersonalConversationId = reached.PersonalConversationId, CardActivityId = reached.CardActivityId })
                : null,
            cancellationToken);

        // The topic card says "being invited" until then: redrawn once the last invitation is out.
        if (stored is { TopicCardActivityId: not null } && stored.Invitees.All(i => i.NotifiedBy != NotificationChannel.None))
        {
            await poster.UpdateCardAsync(stored.Place, stored.TopicCardActivityId, DiscussCards.Topic(stored, clock.GetUtcNow(), options.Value.MaxDuration), "Discussion", cancellationToken);
        }
    }
}
