using CopBot.Community;
using CopBot.Turns;

namespace CopBot.Features.Requests;

/// <summary>
/// The thread card's steering buttons of a request with a closing date: close now, extend, cancel. Only the requester
/// or a facilitator (see <see cref="RequestAccess"/>); each answers with the redrawn thread card, and a repeated press
/// on a closed request changes nothing.
/// </summary>
public sealed class RequestSteering<T>(RequestLifecycle<T> lifecycle, RequestClosing<T> closing, RequestAccess access, TimeProvider clock)
    where T : class, ICommunityRequest
{
    /// <summary>Close now: as at the closing date (hand-over, summary).</summary>
    public async Task<CardActionResult> CloseAsync(TurnContext turn, CardActionRequest action, CancellationToken cancellationToken)
    {
        var (request, refusal) = await SteerableAsync(turn, action, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        var closed = lifecycle.IsOpen(request!)
            ? await closing.CloseAsync(request!, turn.Activity.From!.Name ?? "the requester", cancellationToken)
            : request!;
        return CardActionResult.Replace(lifecycle.ThreadCard(closed, clock.GetUtcNow()));
    }

    /// <summary>A later closing date (yyyy-MM-dd, after the current one, within the maximum).</summary>
    public async Task<CardActionResult> ExtendAsync(TurnContext turn, CardActionRequest action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        var (request, refusal) = await SteerableAsync(turn, action, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        if (!lifecycle.IsOpen(request!))
        {
            return CardActionGuard.Closed();
        }

        var (closesAt, error) = ClosingDates.Parse(action.GetString(lifecycle.ExtendDateKey), clock.GetUtcNow(), lifecycle.MaxDuration, lifecycle.ClosesAt(request!));
        if (error is not null)
        {
            return CardActionGuard.BadInput(error);
        }

        var extended = await lifecycle.UpdateAsync(request!.Community, request.Id, r =>
            lifecycle.IsOpen(r) && lifecycle.ClosesAt(r) < closesAt ? lifecycle.WithClosesAt(r, closesAt) : null, cancellationToken) ?? request;
        return CardActionResult.Replace(lifecycle.ThreadCard(extended, clock.GetUtcNow()));
    }

    /// <summary>Cancel: closed without the closing step; the invitations are retired.</summary>
    public async Task<CardActionResult> CancelAsync(TurnContext turn, CardActionRequest action, CancellationToken cancellationToken)
    {
        var (request, refusal) = await SteerableAsync(turn, action, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        var by = turn.Activity.From!.Name ?? "the requester";
        var cancelled = await lifecycle.UpdateAsync(request!.Community, request.Id, r => lifecycle.IsOpen(r) ? lifecycle.Cancelled(r, by) : null, cancellationToken) ?? request;
        if (lifecycle.IsOpen(request))
        {
            await closing.AfterClosingAsync(cancelled, cancellationToken);
        }

        return CardActionResult.Replace(lifecycle.ThreadCard(cancelled, clock.GetUtcNow()));
    }

    private Task<(T? Request, CardActionResult? Refusal)> SteerableAsync(TurnContext turn, CardActionRequest action, CancellationToken cancellationToken) =>
        access.SteerableAsync(turn, action, lifecycle.RequestIdKey, lifecycle.GetAsync, cancellationToken);
}
