using CopBot.Community;
using CopBot.Outbox;

namespace CopBot.Features.Requests;

/// <summary>What a request's clock sends to one recipient: a reminder, the closing notice, or the retired 1:1 card.</summary>
public enum RequestNoticeStep
{
    Remind,
    Closing,
    Retire,
}

/// <summary>Ids (and, for the facilitators, who they are) of one notice to one recipient.</summary>
public sealed record RequestNoticePayload(string Community, string RequestId, RequestNoticeStep Step, string Round, string MemberId, string Name, string? AadObjectId);

/// <summary>The messages of <see cref="RequestNoticeDelivery{T}"/>.</summary>
public static class RequestNotices
{
    /// <summary>The recipient id of a closing notice posted in the request's thread.</summary>
    public const string Thread = "thread";

    public static string KindOf(string modality) => modality + ".notice";

    /// <summary>One notice; its key is the request, the recipient, the step and the round (the closing date reminded before).</summary>
    public static OutboxMessage Message<T>(RequestLifecycle<T> lifecycle, T request, RequestNoticeStep step, string round, OutreachTarget recipient)
        where T : class, ICommunityRequest
    {
        ArgumentNullException.ThrowIfNull(lifecycle);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(recipient);
        var kind = KindOf(lifecycle.Modality);
        return OutboxMessage.Create(kind, OutboxMessage.KeyOf(request.Id, recipient.Id, $"{kind}.{step}.{round}".ToLowerInvariant()),
            new RequestNoticePayload(request.Community, request.Id, step, round, recipient.Id, recipient.Name, recipient.AadObjectId));
    }
}

/// <summary>
/// The outbox handler of the notices a request's clock sends (kind <c>{modality}.notice</c>, for discussions and
/// consultations): one message per step, recipient and round, built from the stored request when it is sent. The
/// deadline checker enqueues before it records the step, so a crash in between re-enqueues the same key instead
/// of losing the notice, and two instances' timers enqueue one key between them.
/// </summary>
public sealed class RequestNoticeDelivery<T>(RequestLifecycle<T> lifecycle, MemberOutreach outreach, ThreadPoster poster) : IOutboxHandler
    where T : class, ICommunityRequest
{
    public string Kind => RequestNotices.KindOf(lifecycle.Modality);

    public async Task<string> SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var payload = message.PayloadAs<RequestNoticePayload>();
        var request = await lifecycle.GetAsync(payload.Community, payload.RequestId, cancellationToken);
        if (request is null)
        {
            return "gone";
        }

        switch (payload.Step)
        {
            case RequestNoticeStep.Remind:
                // Only while it is open, for this round, and the member still has not answered.
                if (lifecycle.IsOpen(request) && lifecycle.ReminderRound(request) == payload.Round
                    && lifecycle.Reminders(request).FirstOrDefault(r => r.Member.Id == payload.MemberId) is { } reminder)
                {
                    await outreach.NudgeAsync(request.Place, reminder.Member, reminder.ReachedBy, reminder.PersonalText, reminder.ThreadText, cancellationToken);
                    return "reminded";
                }

                return "not due";
            case RequestNoticeStep.Closing:
                var notice = lifecycle.Closing(request);
                if (payload.MemberId == RequestNotices.Thread)
                {
                    return await poster.PostCardAsync(request.Place, notice.Card, notice.Summary, cancellationToken);
                }

                var reached = await outreach.ReachAsync(request.Place, new OutreachTarget(payload.MemberId, payload.Name, payload.AadObjectId), notice.Card, notice.Summary, notice.MentionText, cancellationToken);
                return reached.Channel.ToString();
            case RequestNoticeStep.Retire:
                if (lifecycle.CardsToRetire(request).FirstOrDefault(c => c.MemberId == payload.MemberId) is { ReachedBy: { } reachedBy, Notice: { } card })
                {
                    await outreach.ReplacePersonalCardAsync(request.Place, reachedBy, card, lifecycle.Name + " closed", cancellationToken);
                    return "retired";
                }

                return "nothing to retire";
            default:
                throw new InvalidOperationException($"Unknown notice step {payload.Step} in {message.Key}.");
        }
    }

    public Task CompleteAsync(OutboxMessage message, string outcome, CancellationToken cancellationToken) => Task.CompletedTask;
}
