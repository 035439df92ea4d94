using CopBot.Community;
using CopBot.Outbox;

namespace CopBot.Features.Requests;

/// <summary>
/// Closing a request at its closing date or early (a discussion's hand-over, a consultation's summary): claimed first
/// so two instances never do it twice, its notices enqueued in the outbox (one key per recipient) and only then marked
/// closed; a claim older than <see cref="StaleClaim"/> (a crash mid-way) is retaken and enqueues the same keys again.
/// Then the thread card is redrawn final and the invitees' 1:1 cards are retired, through the outbox too.
/// </summary>
public sealed class RequestClosing<T>(RequestLifecycle<T> lifecycle, IOutbox outbox, ThreadCardUpdates cards, TimeProvider clock)
    where T : class, ICommunityRequest
{
    public static readonly TimeSpan StaleClaim = TimeSpan.FromMinutes(10);

    private const string Round = "final";

    public async Task<T> CloseAsync(T request, string closedBy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var now = clock.GetUtcNow();
        var won = false;
        var claimed = await lifecycle.UpdateAsync(request.Community, request.Id, r =>
        {
            won = lifecycle.IsOpen(r) && (lifecycle.ClosingStartedAt(r) is not { } started || now - started >= StaleClaim);
            return won ? lifecycle.WithClosingStarted(r, now) : null;
        }, cancellationToken);
        if (!won || claimed is null)
        {
            return claimed ?? request;
        }

        var recipients = (await lifecycle.ClosingRecipientsAsync(claimed, cancellationToken)).ToList();
        if (lifecycle.Closing(claimed).PostInThread)
        {
            recipients.Insert(0, new OutreachTarget(RequestNotices.Thread, lifecycle.Name));
        }

        await outbox.EnqueueAsync([.. recipients.Select(r => RequestNotices.Message(lifecycle, claimed, RequestNoticeStep.Closing, Round, r))], cancellationToken);
        var closed = await lifecycle.UpdateAsync(claimed.Community, claimed.Id, r => lifecycle.Closed(r, closedBy), cancellationToken) ?? claimed;
        await AfterClosingAsync(closed, cancellationToken);
        lifecycle.LogClosed(closed);
        return closed;
    }

    /// <summary>Redraws the thread card final and retires the invitations (a late click is refused anyway).</summary>
    public async Task AfterClosingAsync(T closed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(closed);
        await cards.RedrawAsync(lifecycle.Modality, closed, cancellationToken);
        await outbox.EnqueueAsync(
            [.. lifecycle.CardsToRetire(closed).Select(c => RequestNotices.Message(lifecycle, closed, RequestNoticeStep.Retire, Round, new OutreachTarget(c.MemberId, c.MemberId)))],
            cancellationToken);
    }
}
