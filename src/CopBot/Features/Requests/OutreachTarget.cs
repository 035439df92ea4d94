using CopBot.Community;

namespace CopBot.Features.Requests;

/// <summary>A member to reach: profile id (a 29: id or an Entra object id) and, when known, the Entra object id.</summary>
public sealed record OutreachTarget(string Id, string Name, string? AadObjectId = null)
{
    /// <summary>The profile's e-mail: the last way to find the member's Teams address among saved roster members.</summary>
    public string? Email { get; init; }

    public static OutreachTarget Of(IInvitee invitee)
    {
        ArgumentNullException.ThrowIfNull(invitee);
        return new(invitee.MemberId, invitee.Name, invitee.AadObjectId);
    }
}

/// <summary>How a member was reached; stored by the modality so cards can be replaced and nudges sent the same way.</summary>
public sealed record OutreachResult(NotificationChannel Channel, string? PersonalConversationId, string? CardActivityId)
{
    public static OutreachResult Mentioned { get; } = new(NotificationChannel.ThreadMention, null, null);

    /// <summary>How an invitee was reached, as stored on them.</summary>
    public static OutreachResult Of(IInvitee invitee)
    {
        ArgumentNullException.ThrowIfNull(invitee);
        return new(invitee.NotifiedBy, invitee.PersonalConversationId, invitee.CardActivityId);
    }
}
