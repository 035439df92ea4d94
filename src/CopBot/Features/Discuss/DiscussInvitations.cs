using CopBot.Community;
using CopBot.Features.Requests;

namespace CopBot.Features.Discuss;

/// <summary>How a discussion invites its members (outbox kind <c>discuss.invite</c>).</summary>
public sealed class DiscussInvitations(IDiscussionStore discussions) : IInvitationRules<Discussion>
{
    public const string InviteKind = "discuss.invite";

    public string Kind => InviteKind;

    public string Modality => DiscussFlow.Modality;

    public IRequestStore<Discussion> Store => discussions;

    public bool IsOpen(Discussion request) => request.Status == DiscussionStatus.Open;

    public IEnumerable<IInvitee> Invitees(Discussion request) => request.Invitees;

    public InvitationText Invite(Discussion request, IInvitee invitee) => new(
        DiscussCards.Invite(request, (DiscussionInvitee)invitee),
        "Invitation to a discussion", "you are invited to this discussion: share your experience as a reply in this thread.");

    public Discussion? WithReached(Discussion request, string memberId, OutreachResult reached) =>
        request.Invitees.FirstOrDefault(i => i.MemberId == memberId) is { NotifiedBy: NotificationChannel.None } invitee
            ? request.With(invitee with { NotifiedBy = reached.Channel, PersonalConversationId = reached.PersonalConversationId, CardActivityId = reached.CardActivityId })
            : null;
}
