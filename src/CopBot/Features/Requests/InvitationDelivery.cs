using System.Text.Json;
using CopBot.Community;
using CopBot.Outbox;

namespace CopBot.Features.Requests;

/// <summary>Ids only: the request's community and id and the member's profile id.</summary>
public sealed record InvitationPayload(string Community, string RequestId, string MemberId)
{
    /// <summary>The message inviting one member to one request; the key is both plus the kind.</summary>
    public static OutboxMessage Message(string kind, ICommunityRequest request, IInvitee invitee)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(invitee);
        return OutboxMessage.Create(kind, OutboxMessage.KeyOf(request.Id, invitee.MemberId, kind), new InvitationPayload(request.Community, request.Id, invitee.MemberId));
    }
}

/// <summary>
/// The outbox handler of one modality's invitations: the message names the request and the member, the invitation
/// is built from the stored request when it is sent (nothing when it closed or the member was reached meanwhile),
/// <see cref="MemberOutreach"/> reaches the member, and how is recorded on the request. The thread card lists who was
/// reached how: it is redrawn once the last invitation is out.
/// </summary>
public sealed class InvitationDelivery<T>(IInvitationRules<T> rules, MemberOutreach outreach, ThreadCardUpdates cards) : IOutboxHandler
    where T : class, ICommunityRequest
{
    public string Kind => rules.Kind;

    public async Task<string> SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var payload = message.PayloadAs<InvitationPayload>();
        var request = await rules.Store.GetAsync(payload.Community, payload.RequestId, cancellationToken);
        var invitee = request is not null && rules.IsOpen(request)
            ? rules.Invitees(request).FirstOrDefault(i => i.MemberId == payload.MemberId && i.NotifiedBy == NotificationChannel.None)
            : null;
        OutreachResult reached;
        if (invitee is null)
        {
            reached = new OutreachResult(NotificationChannel.None, null, null);
        }
        else
        {
            var text = rules.Invite(request!, invitee);
            reached = await outreach.ReachAsync(request!.Place, OutreachTarget.Of(invitee), text.Card, text.Summary, text.MentionText, cancellationToken);
        }

        return JsonSerializer.Serialize(reached);
    }

    public async Task CompleteAsync(OutboxMessage message, string outcome, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var reached = JsonSerializer.Deserialize<OutreachResult>(outcome) ?? throw new JsonException($"Unreadable outcome for {message.Key}.");
        if (reached.Channel == NotificationChannel.None)
        {
            return;
        }

        var payload = message.PayloadAs<InvitationPayload>();
        // Already recorded (a completion run twice) returns null: read it, so the redraw below is not lost either.
        var stored = await rules.Store.UpdateAsync(payload.Community, payload.RequestId, r => rules.WithReached(r, payload.MemberId, reached), cancellationToken)
            ?? await rules.Store.GetAsync(payload.Community, payload.RequestId, cancellationToken);
        if (stored is not null && rules.Invitees(stored).All(i => i.NotifiedBy != NotificationChannel.None))
        {
            await cards.RedrawAsync(rules.Modality, stored, cancellationToken);
        }
    }
}

/// <summary>Invites every member of a request not reached yet, through the outbox (shared by the three modalities).</summary>
public sealed class PendingInvitations<T>(IInvitationRules<T> rules, IOutbox outbox)
    where T : class, ICommunityRequest
{
    /// <summary>
    /// One message per member not reached yet (1:1 card or @mention); a redelivered command or a repeated decline
    /// enqueues the same keys again, harmlessly. Returns the request as stored after (the direct outbox has sent by then).
    /// </summary>
    public async Task<T> InvitePendingAsync(T request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await outbox.EnqueueAsync(
            [.. rules.Invitees(request).Where(i => i.NotifiedBy == NotificationChannel.None).Select(i => InvitationPayload.Message(rules.Kind, request, i))],
            cancellationToken);
        return await rules.Store.GetAsync(request.Community, request.Id, cancellationToken) ?? request;
    }
}
