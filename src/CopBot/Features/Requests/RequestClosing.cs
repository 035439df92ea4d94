using CopBot.Community;

namespace CopBot.Features.Requests;

/// <summary>
/// Closing a request at its closing date or early (a discussion's hand-over, a consultation's summary): claimed first
/// so two instances never send it twice, marked closed only after it went out, and a claim older than
/// <see cref="StaleClaim"/> (a crash mid-way) is retaken. Then the thread card is redrawn final and the invitees'
/// 1:1 cards are retired.
/// </summary>
public sealed class RequestClosing<T>(RequestLifecycle<T> lifecycle, ThreadPoster poster, MemberOutreach outreach, TimeProvider clock)
    where T : class, ICommunityRequest
{
    public static readonly TimeSpan StaleClaim = TimeSpan.FromMinutes(10);

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

        await lifecycle.SendClosingAsync(claimed, cancellationToken);
        var closed = await lifecycle.UpdateAsync(claimed.Community, claimed.Id, r => lifecycle.Closed(r, closedBy), cancellationToken) ?? claimed;
        await AfterClosingAsync(closed, cancellationToken);
        lifecycle.LogClosed(closed);
        return closed;
    }

    /// <summary>Redraws the thread card final and retires the invitations (a late click is refused anyway).</summary>
    public async Task AfterClosingAsync(T closed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(closed);
        await poster.UpdateCardAsync(closed.Place, lifecycle.ThreadCardActivityId(closed), lifecycle.ThreadCard(closed, clock.GetUtcNow()), lifecycle.Name, cancellationToken);
        foreach (var (reachedBy, notice) in lifecycle.CardsToRetire(closed))
        {
            await outreach.ReplacePersonalCardAsync(closed.Place, reachedBy, notice, lifecycle.Name + " closed", cancellationToken);
        }
    }
}
