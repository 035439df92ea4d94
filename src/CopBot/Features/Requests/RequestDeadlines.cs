using CopBot.Community;
using CopBot.Features.Query;
using CopBot.Outbox;
using Microsoft.Extensions.Options;

namespace CopBot.Features.Requests;

/// <summary>
/// One pass over a modality's open requests with a closing date: the one reminder to the invitees who have not
/// answered (through the outbox, one key per invitee and round, so several instances or a restart never send it
/// twice and a crash never loses it) and the closing at the closing date (<see cref="RequestClosing{T}"/>).
/// </summary>
public sealed class RequestDeadlines<T>(
    RequestLifecycle<T> lifecycle, RequestClosing<T> closing, IOutbox outbox, IOptions<QueryOptions> community, TimeProvider clock)
    : IDeadlineChecker
    where T : class, ICommunityRequest
{
    public Task RunOnceAsync(CancellationToken cancellationToken)
    {
        var name = community.Value.Community;
        return OpenRequestSweep.RunAsync(ct => lifecycle.ListOpenAsync(name, ct), (id, ct) => CheckAsync(name, id, ct), lifecycle.LogCheckFailed, cancellationToken);
    }

    private async Task CheckAsync(string name, string id, CancellationToken cancellationToken)
    {
        var request = await lifecycle.GetAsync(name, id, cancellationToken);
        if (request is null)
        {
            return;
        }

        switch (lifecycle.Due(request, clock.GetUtcNow()))
        {
            case RequestStep.Close:
                await closing.CloseAsync(request, lifecycle.ClosedByClock, cancellationToken);
                break;
            case RequestStep.Remind:
                await RemindAsync(request, cancellationToken);
                break;
        }
    }

    /// <summary>
    /// Enqueues one reminder per invitee who has not answered (and the card redraw) before recording the reminder:
    /// a crash in between, or another instance's timer on the same request, enqueues the same keys again.
    /// </summary>
    private async Task RemindAsync(T request, CancellationToken cancellationToken)
    {
        var round = lifecycle.ReminderRound(request);
        var messages = lifecycle.Reminders(request)
            .Select(r => RequestNotices.Message(lifecycle, request, RequestNoticeStep.Remind, round, r.Member))
            .ToList();
        if (lifecycle.RedrawAfterReminder)
        {
            // Versioned by the round, not the state: every instance enqueues the same redraw key for this reminder.
            messages.Add(ThreadCardRedraw.Message(lifecycle.Modality, request.Community, request.Id, "reminded-" + round));
        }

        await outbox.EnqueueAsync(messages, cancellationToken);
        var now = clock.GetUtcNow();
        await lifecycle.UpdateAsync(request.Community, request.Id, r =>
            lifecycle.RemindedAt(r) is null && lifecycle.IsOpen(r) && lifecycle.ReminderRound(r) == round ? lifecycle.WithReminded(r, now) : null, cancellationToken);
    }
}
