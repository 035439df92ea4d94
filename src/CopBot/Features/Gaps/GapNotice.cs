using CopBot.Cards;
using CopBot.Community;
using CopBot.Features.Requests;

namespace CopBot.Features.Gaps;

/// <summary>
/// Tells the community's facilitators, 1:1 (or by @mention in the thread when the bot cannot reach them privately),
/// that routing found nobody for a query: the question, its topics, the thread and who knows something close. The
/// notice is claimed on the query first, so a retried turn or a re-routed query never tells them twice (a crash
/// between the claim and the sending loses the notice, never duplicates it; the gap stays on the gaps card).
/// </summary>
public sealed class GapNotice(
    IQueryStore queries,
    RequestAuthorization authorization,
    MemberOutreach outreach,
    ExpertIndexHolder index,
    RoutingFeedbackHolder feedback,
    ExpertRanker ranker,
    TimeProvider clock,
    ILogger<GapNotice> logger)
{
    public const int MaxFacilitators = 5;
    private const int ExpertsPerTopic = 3;

    public async Task NotifyOnceAsync(QueryRequest query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.GapNoticeSentAt is not null || !await ClaimAsync(query, cancellationToken))
        {
            return;
        }

        var context = new RoutingContext(clock.GetUtcNow()) { Feedback = feedback.Current };
        var hints = WhoKnowsWhat.ForTopics(index.Current, ranker, context, query.Topics, query.AskerId, ExpertsPerTopic);
        var card = GapNoticeCard.Build(new GapNoticeView(
            query.Question, query.AskerName, query.Topics, ThreadLinks.For(query.Place),
            [.. hints.Select(h => new KnowsLine(h.Topic, h.ExpertCount, h.Experts))]));
        foreach (var facilitator in await authorization.FacilitatorsAsync(query.Community, MaxFacilitators, cancellationToken))
        {
            try
            {
                await outreach.ReachAsync(query.Place, new OutreachTarget(facilitator.Id, facilitator.Name, facilitator.AadObjectId), card, "Knowledge gap",
                    "nobody in the profile index knows this question's topics yet. Could you find someone who does?", cancellationToken);
            }
            catch (Protocol.Connector.ConnectorException ex)
            {
                // One unreachable facilitator must not keep the notice from the others.
                GapsLog.NoticeFailed(logger, ex, query.Id, facilitator.Id);
            }
        }
    }

    private async Task<bool> ClaimAsync(QueryRequest query, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var won = false;
        await queries.UpdateAsync(query.Community, query.Id, q =>
        {
            won = q.GapNoticeSentAt is null;
            return won ? q with { GapNoticeSentAt = now } : null;
        }, cancellationToken);
        return won;
    }
}
