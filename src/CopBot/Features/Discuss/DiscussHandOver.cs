using CopBot.Cards;
using CopBot.Community;
using CopBot.Features.Requests;
using Microsoft.Extensions.Options;

namespace CopBot.Features.Discuss;

/// <summary>
/// Closes a discussion and hands its thread to the facilitators: a "ready for synthesis" card in the thread and to
/// each facilitator (1:1, or @mention). Claimed first so two instances never hand over twice; the discussion is
/// marked closed only after the cards went out, and a claim older than <see cref="StaleClaim"/> (a crash) is retaken.
/// </summary>
public sealed class DiscussHandOver(
    IDiscussionStore discussions,
    RequestAuthorization authorization,
    MemberOutreach outreach,
    ThreadPoster poster,
    IOptions<DiscussOptions> options,
    TimeProvider clock,
    ILogger<DiscussHandOver> logger)
{
    public static readonly TimeSpan StaleClaim = TimeSpan.FromMinutes(10);

    public async Task<Discussion> HandOverAsync(Discussion discussion, string closedBy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(discussion);
        var now = clock.GetUtcNow();
        var won = false;
        var claimed = await discussions.UpdateAsync(discussion.Community, discussion.Id, d =>
        {
            won = d.Status == DiscussionStatus.Open && (d.HandOverStartedAt is null || now - d.HandOverStartedAt >= StaleClaim);
            return won ? d with { HandOverStartedAt = now } : null;
        }, cancellationToken);
        if (!won || claimed is null)
        {
            return claimed ?? discussion;
        }

        var card = DiscussCards.ReadyForSynthesis(claimed);
        await poster.PostCardAsync(claimed.Place, card, "Ready for synthesis", cancellationToken);
        foreach (var facilitator in await authorization.FacilitatorsAsync(claimed.Community, 3, cancellationToken))
        {
            await outreach.ReachAsync(claimed.Place, new OutreachTarget(facilitator.Id, facilitator.Name, facilitator.AadObjectId), card,
                "Ready for synthesis", "this discussion has closed and is ready for your synthesis.", cancellationToken);
        }

        var closed = await discussions.UpdateAsync(claimed.Community, claimed.Id, d => d with { Status = DiscussionStatus.Closed, ClosedBy = closedBy }, cancellationToken) ?? claimed;
        await AfterClosingAsync(closed, cancellationToken);
        DiscussLog.HandedOver(logger, closed.Id);
        return closed;
    }

    /// <summary>Redraws the topic card final and retires the invitations nobody answered.</summary>
    public async Task AfterClosingAsync(Discussion closed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(closed);
        await poster.UpdateCardAsync(closed.Place, closed.TopicCardActivityId, DiscussCards.Topic(closed, clock.GetUtcNow(), options.Value.MaxDuration), "Discussion", cancellationToken);
        var notice = NoticeCard.Build("This discussion is closed", closed.Topic, NoticeKind.Info);
        foreach (var invitee in closed.Invitees.Where(i => i.State == InviteState.Invited))
        {
            await outreach.ReplacePersonalCardAsync(closed.Place, new OutreachResult(invitee.NotifiedBy, invitee.PersonalConversationId, invitee.CardActivityId), notice, "Discussion closed", cancellationToken);
        }
    }
}
