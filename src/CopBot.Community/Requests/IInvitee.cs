namespace CopBot.Community;

/// <summary>
/// A member invited to a discussion, consultation or working group, as the shared decliner replacement sees them:
/// who they are and, for a replacement, whose place they took.
/// </summary>
public interface IInvitee
{
    string MemberId { get; }

    string Name { get; }

    string? AadObjectId { get; }

    /// <summary>The name of the invitee who declined and whose place this one took; null for the first invitees.</summary>
    string? InPlaceOf { get; }

    /// <summary>How the invitation reached them; <see cref="NotificationChannel.None"/> until it went out.</summary>
    NotificationChannel NotifiedBy { get; }

    string? PersonalConversationId { get; }

    string? CardActivityId { get; }
}
