using CopBot.Community;
using CopBot.Features.Query;
using Microsoft.Extensions.Options;

namespace CopBot.Features.Requests;

/// <summary>
/// One pass over a modality's open requests with a closing date: the one reminder to the invitees who have not
/// answered (claimed with an ETag-guarded write first, so several instances or a restart never send it twice) and the
/// closing at the closing date (<see cref="RequestClosing{T}"/>).
/// </summary>
public sealed class RequestDeadlines<T>(
    RequestLifecycle<T> lifecycle, RequestClosing<T> closing, MemberOutreach outreach, ThreadPoster poster, IOptions<QueryOptions> community, TimeProvider clock)
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

    private async Task RemindAsync(T request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var won = false;
        var claimed = await lifecycle.UpdateAsync(request.Community, request.Id, r =>
        {
            won = lifecycle.RemindedAt(r) is null && lifecycle.IsOpen(r);
            return won ? lifecycle.WithReminded(r, now) : null;
        }, cancellationToken);
        if (!won || claimed is null)
        {
            return;
        }

        foreach (var reminder in lifecycle.Reminders(claimed))
        {
            await outreach.NudgeAsync(claimed.Place, reminder.Member, reminder.ReachedBy, reminder.PersonalText, reminder.ThreadText, cancellationToken);
        }

        if (lifecycle.RedrawAfterReminder)
        {
            await poster.UpdateCardAsync(claimed.Place, lifecycle.ThreadCardActivityId(claimed), lifecycle.ThreadCard(claimed, now), lifecycle.Name, cancellationToken);
        }
    }
}
