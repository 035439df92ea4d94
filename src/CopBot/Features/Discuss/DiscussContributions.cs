using CopBot.Community;
using CopBot.Features.Requests;
using CopBot.Turns;

namespace CopBot.Features.Discuss;

/// <summary>Replies in a discussion's thread (with or without an @mention, see <see cref="ThreadReplies"/>) become contributions.</summary>
public sealed class DiscussContributions(
    IRequestThreadIndex threads,
    IDiscussionStore discussions,
    IContributionStore contributions,
    ThreadCardUpdates cards,
    AnswerHistoryRecorder history,
    TimeProvider clock,
    ILogger<DiscussContributions> logger)
{
    /// <summary>Cheap, synchronous part (see <see cref="ThreadReplies"/>).</summary>
    public static bool MayContribute(TurnContext turn) => ThreadReplies.MayBeReply(turn);

    /// <summary>Stored part: the conversation is the thread of an open discussion.</summary>
    public async Task<bool> IsOpenDiscussionThreadAsync(TurnContext turn, CancellationToken cancellationToken) =>
        await FindOpenAsync(turn, cancellationToken) is not null;

    public async Task RecordAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var discussion = await FindOpenAsync(turn, cancellationToken);
        if (discussion is null || turn.Activity.Id is not { Length: > 0 } activityId)
        {
            return;
        }

        var from = turn.Activity.From!;
        var now = clock.GetUtcNow();
        await contributions.AddAsync(new Contribution(discussion.Id, activityId, from.Id!, from.Name ?? "A member", turn.Text, now), cancellationToken);

        // The tally is recomputed from the stored contributions, so a crash between the two writes heals at the next reply.
        var all = await contributions.ListContributionsAsync(discussion.Id, cancellationToken);
        var names = all.GroupBy(c => c.AuthorId, StringComparer.Ordinal).Select(g => g.First().AuthorName).ToList();
        var updated = await discussions.UpdateAsync(discussion.Community, discussion.Id, d =>
        {
            var joined = d.Find(from.Id, from.AadObjectId);
            var next = joined is { State: not InviteState.Joined } ? d.With(joined with { State = InviteState.Joined }) : d;
            return next with { ContributionCount = all.Count, ContributorNames = names, LastContributionAt = now };
        }, cancellationToken) ?? discussion;
        await cards.RedrawAsync(DiscussFlow.Modality, updated, cancellationToken);
        DiscussLog.ContributionRecorded(logger, discussion.Id, activityId, all.Count);

        // Contributing is evidence of knowing the topic (once per member and discussion); opening it is not.
        if (from.Id != discussion.RequesterId)
        {
            await history.RecordAsync(discussion.Community, from.Id!, from.AadObjectId, from.Name ?? "A member", ProfileHistory.ForContribution(discussion, turn.Text, now), cancellationToken);
        }
    }

    private async Task<Discussion?> FindOpenAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var thread = await threads.FindAsync(turn.ConversationId, cancellationToken);
        if (thread is not { Modality: DiscussFlow.Modality })
        {
            return null;
        }

        var discussion = await discussions.GetAsync(thread.Community, thread.RequestId, cancellationToken);
        return discussion is { Status: DiscussionStatus.Open } ? discussion : null;
    }
}
