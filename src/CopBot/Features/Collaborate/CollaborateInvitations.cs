using CopBot.Community;
using CopBot.Features.Requests;

namespace CopBot.Features.Collaborate;

/// <summary>How a working group invites its members (outbox kind <c>collaborate.invite</c>).</summary>
public sealed class CollaborateInvitations(IWorkingGroupStore groups) : IInvitationRules<WorkingGroup>
{
    public const string InviteKind = "collaborate.invite";

    public string Kind => InviteKind;

    public string Modality => CollaborateThreadJoins.Modality;

    public IRequestStore<WorkingGroup> Store => groups;

    public bool IsOpen(WorkingGroup request) => request.Status == WorkingGroupStatus.Open;

    public IEnumerable<IInvitee> Invitees(WorkingGroup request) => request.Members;

    public InvitationText Invite(WorkingGroup request, IInvitee invitee)
    {
        var member = (GroupMember)invitee;
        return new(CollaborateCards.Invite(request, member), "Invitation to a working group", $"would you join this working group as {member.Role}? Reply in this thread to join.");
    }

    public WorkingGroup? WithReached(WorkingGroup request, string memberId, OutreachResult reached) =>
        request.Members.FirstOrDefault(m => m.MemberId == memberId) is { NotifiedBy: NotificationChannel.None } member
            ? request.With(member with { NotifiedBy = reached.Channel, PersonalConversationId = reached.PersonalConversationId, CardActivityId = reached.CardActivityId })
            : null;
}

/// <summary>The working group's card in its thread, for <see cref="ThreadCardRedraw"/>.</summary>
public sealed class CollaborateThreadCard(IWorkingGroupStore groups) : IThreadCardSource
{
    public string Modality => CollaborateThreadJoins.Modality;

    public async Task<DrawnThreadCard?> DrawAsync(string community, string requestId, DateTimeOffset now, CancellationToken cancellationToken) =>
        await groups.GetAsync(community, requestId, cancellationToken) is { } group
            ? new DrawnThreadCard(group.Place, group.CardActivityId, CollaborateCards.Group(group), "Working group", ThreadCardRedraw.VersionOf(group))
            : null;
}
