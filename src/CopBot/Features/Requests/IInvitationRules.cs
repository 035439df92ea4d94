using CopBot.Cards;
using CopBot.Community;

namespace CopBot.Features.Requests;

/// <summary>What an invitation says: the 1:1 card, its notification summary, and the text after an @mention.</summary>
public sealed record InvitationText(AdaptiveCard Card, string Summary, string MentionText);

/// <summary>
/// How one modality invites members (discussions, consultations, working groups): the little that differs between
/// them. <see cref="InvitationDelivery{T}"/> and <see cref="PendingInvitations{T}"/> do the rest once for all.
/// </summary>
public interface IInvitationRules<T>
    where T : class, ICommunityRequest
{
    /// <summary>The outbox kind of its invitations, e.g. <c>discuss.invite</c>.</summary>
    string Kind { get; }

    /// <summary>The modality whose thread card is redrawn once everyone is reached.</summary>
    string Modality { get; }

    IRequestStore<T> Store { get; }

    bool IsOpen(T request);

    IEnumerable<IInvitee> Invitees(T request);

    InvitationText Invite(T request, IInvitee invitee);

    /// <summary>The request with <paramref name="memberId"/> recorded as reached; null when they are gone or already recorded.</summary>
    T? WithReached(T request, string memberId, OutreachResult reached);
}
