using System.Text.Json;
using CopBot.Cards;
using CopBot.Community;
using CopBot.Outbox;

namespace CopBot.Features.Requests;

/// <summary>One member to reach for a request, as a modality builds it from the stored request when the message is sent.</summary>
public sealed record Invitation(QueryPlace Place, OutreachTarget Member, AdaptiveCard Card, string Summary, string MentionText);

/// <summary>
/// The outbox handler shape every modality's invitation shares: the message names the request and the member, the
/// modality builds the invitation from the stored request (null when it no longer applies: closed, already reached),
/// <see cref="MemberOutreach"/> reaches the member, and the modality records how.
/// </summary>
public abstract class InvitationDelivery(MemberOutreach outreach) : IOutboxHandler
{
    public abstract string Kind { get; }

    /// <summary>The message inviting <paramref name="memberId"/> to <paramref name="requestId"/>; the key is both plus the kind.</summary>
    protected static OutboxMessage Message(string kind, string community, string requestId, string memberId) =>
        OutboxMessage.Create(kind, OutboxMessage.KeyOf(requestId, memberId, kind), new InvitationPayload(community, requestId, memberId));

    public async Task<string> SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var invitation = await BuildAsync(message.PayloadAs<InvitationPayload>(), cancellationToken);
        var reached = invitation is null
            ? new OutreachResult(NotificationChannel.None, null, null)
            : await outreach.ReachAsync(invitation.Place, invitation.Member, invitation.Card, invitation.Summary, invitation.MentionText, cancellationToken);
        return JsonSerializer.Serialize(reached);
    }

    public async Task CompleteAsync(OutboxMessage message, string outcome, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var reached = JsonSerializer.Deserialize<OutreachResult>(outcome) ?? throw new JsonException($"Unreadable outcome for {message.Key}.");
        if (reached.Channel != NotificationChannel.None)
        {
            await RecordAsync(message.PayloadAs<InvitationPayload>(), reached, cancellationToken);
        }
    }

    /// <summary>The invitation as it should go out now, or null when there is nothing to send any more.</summary>
    protected abstract Task<Invitation?> BuildAsync(InvitationPayload payload, CancellationToken cancellationToken);

    /// <summary>Stores how the member was reached (idempotent: a member already recorded is left alone).</summary>
    protected abstract Task RecordAsync(InvitationPayload payload, OutreachResult reached, CancellationToken cancellationToken);
}

/// <summary>Ids only: the request's community and id and the member's profile id.</summary>
public sealed record InvitationPayload(string Community, string RequestId, string MemberId);
