using CopBot.Community;
using CopBot.Features.Query;
using CopBot.Features.Requests;
using Microsoft.Extensions.Options;

namespace CopBot.Features.Discuss;

/// <summary>
/// For every open discussion: nudges the invitees who have not replied once the thread has been quiet for
/// <see cref="DiscussOptions.QuietAfter"/>, and hands the thread over at the closing date. The nudge is claimed with an
/// ETag-guarded write first, so several instances or a restart never nudge twice.
/// </summary>
public sealed class DiscussDeadlineChecker(
    IDiscussionStore discussions,
    MemberOutreach outreach,
    DiscussHandOver handOver,
    IOptions<QueryOptions> community,
    IOptions<DiscussOptions> options,
    TimeProvider clock,
    ILogger<DiscussDeadlineChecker> logger) : IDeadlineChecker
{
    public Task RunOnceAsync(CancellationToken cancellationToken)
    {
        var name = community.Value.Community;
        return OpenRequestSweep.RunAsync(ct => discussions.ListOpenAsync(name, ct), (id, ct) => CheckAsync(name, id, ct), (ex, id) => DiscussLog.DeadlineCheckFailed(logger, ex, id), cancellationToken);
    }

    private async Task CheckAsync(string name, string id, CancellationToken cancellationToken)
    {
        var discussion = await discussions.GetAsync(name, id, cancellationToken);
        if (discussion is null)
        {
            return;
        }

        switch (DiscussionDeadlines.Due(discussion, clock.GetUtcNow(), options.Value.QuietAfter))
        {
            case DiscussionStep.HandOver:
                await handOver.HandOverAsync(discussion, "closing date", cancellationToken);
                break;
            case DiscussionStep.Nudge:
                await NudgeAsync(discussion, cancellationToken);
                break;
        }
    }

    private async Task NudgeAsync(Discussion discussion, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var won = false;
        var claimed = await discussions.UpdateAsync(discussion.Community, discussion.Id, d =>
        {
            won = d.NudgedAt is null && d.Status == DiscussionStatus.Open;
            return won ? d with { NudgedAt = now } : null;
        }, cancellationToken);
        if (!won || claimed is null)
        {
            return;
        }

        var until = DiscussCards.Date(claimed.ClosesAt);
        var topic = claimed.Topic.Length <= 120 ? claimed.Topic : claimed.Topic[..120] + "…";
        foreach (var invitee in claimed.Invitees.Where(i => i.State == InviteState.Invited))
        {
            await outreach.NudgeAsync(
                claimed.Place, new OutreachTarget(invitee.MemberId, invitee.Name, invitee.AadObjectId),
                new OutreachResult(invitee.NotifiedBy, invitee.PersonalConversationId, invitee.CardActivityId),
                $"Reminder: the discussion \"{topic}\" is quiet so far and your experience would help. Join it from the card above (open until {until}).",
                $"reminder: your experience would help this discussion. Reply in this thread (open until {until}).",
                cancellationToken);
        }
    }
}
