using CopBot.Community;
using CopBot.Features.Requests;
using CopBot.Outbox;

namespace CopBot.Features.Collaborate;

/// <summary>The outbox handler that invites one member to a working group (kind <c>collaborate.invite</c>).</summary>
public sealed class CollaborateInviteDelivery(MemberOutreach outreach, IWorkingGroupStore groups, ThreadPoster poster)
    : InvitationDelivery(outreach)
{
    public const string InviteKind = "collaborate.invite";

    public override string Kind => InviteKind;

    public static OutboxMessage Message(WorkingGroup group, GroupMember member)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(member);
        return Message(InviteKind, group.Community, group.Id, member.MemberId);
    }

    protected override async Task<Invitation?> BuildAsync(InvitationPayload payload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var group = await groups.GetAsync(payload.Community, payload.RequestId, cancellationToken);
        return group is { Status: WorkingGroupStatus.Open } && group.Members.FirstOrDefault(m => m.MemberId == payload.MemberId) is { NotifiedBy: NotificationChannel.None } member
            ? new Invitation(group.Place, new OutreachTarget(member.MemberId, member.Name, member.AadObjectId), CollaborateCards.Invite(group, member),
                "Invitation to a working group", $"would you join this working group as {member.Role}? Reply in this thread to join.")
            : null;
    }

    protected override async Task RecordAsync(InvitationPayload payload, OutreachResult reached, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payload);
        ArgumentNullException.ThrowIfNull(reached);
        var stored = await groups.UpdateAsync(payload.Community, payload.RequestId, g =>
            g.Members.FirstOrDefault(m => m.MemberId == payload.MemberId) is { NotifiedBy: NotificationChannel.None } member
                ? g.With(member with { NotifiedBy = reached.Channel, PersonalConversationId = reached.PersonalConversationId, CardActivityId = reached.CardActivityId })
                : null,
            cancellationToken);

        // The group card lists who was reached how: redrawn once the last invitation is out.
        if (stored is { CardActivityId: not null } && stored.Members.All(m => m.NotifiedBy != NotificationChannel.None))
        {
            await poster.UpdateCardAsync(stored.Place, stored.CardActivityId, CollaborateCards.Group(stored), "Working group", cancellationToken);
        }
    }
}
