using CopBot.Cards;
using CopBot.Community;
using CopBot.Features.Requests;
using CopBot.Hosting;
using CopBot.Protocol;
using CopBot.Turns;
using Microsoft.Extensions.Options;

namespace CopBot.Features.Query;

/// <summary>
/// <c>query &lt;question&gt;</c>: offer likely answers from the knowledge base first; otherwise rank experts, store
/// the query, acknowledge in the thread, ask the top experts. Each step is recorded before the next, and a repeated
/// delivery resumes what is missing instead of redoing it.
/// </summary>
public sealed class QueryFlow(
    IExpertFinder finder,
    IQueryStore queries,
    ExpertOutreach outreach,
    QueryThread thread,
    Knowledge.DuplicateCheck duplicates,
    IKnowledgeGapStore gaps,
    Gaps.GapNotice gapNotice,
    IOptions<QueryOptions> options,
    TimeProvider clock,
    ILogger<QueryFlow> logger)
{
    /// <summary><c>query &lt;question&gt;</c> routes at once; a bare <c>query</c> answers with the question form.</summary>
    public async Task AskAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (string.IsNullOrWhiteSpace(turn.Command.Argument))
        {
            await turn.ReplyAsync(QueryFormCard.Build(), "Ask the community", cancellationToken);
            return;
        }

        await RouteAsync(turn, QueryText.Parse(turn.Command.Argument), isUrgent: false, turn.Activity.Id ?? string.Empty, cancellationToken);
    }

    /// <summary>The form's Ask button: the card becomes a confirmation, answers arrive in the same thread.</summary>
    public async Task<CardActionResult> AskFromFormAsync(TurnContext turn, CardActionRequest action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(action);
        var question = action.GetString(QueryCardKeys.Question)?.Trim();
        if (string.IsNullOrEmpty(question))
        {
            return CardActionResult.Replace(QueryFormCard.Build("Write your question first."));
        }

        var text = QueryText.Parse(question).WithTopics(action.GetString(QueryCardKeys.Topics));
        var urgent = action.GetString(QueryCardKeys.Urgency) == "urgent";
        await RouteAsync(turn, text, urgent, action.CardActivityId ?? turn.Activity.Id ?? string.Empty, cancellationToken);
        return CardActionResult.Replace(NoticeCard.Build("Question sent", text.Question, NoticeKind.Info));
    }

    /// <summary>The form's Cancel button: nothing is stored or sent.</summary>
    public static Task<CardActionResult> CancelFormAsync(TurnContext turn, CardActionRequest action, CancellationToken cancellationToken) =>
        Task.FromResult(CardActionResult.Replace(NoticeCard.Build("Cancelled", "Nothing was sent. Type query when you are ready.", NoticeKind.Info)));

    private async Task RouteAsync(TurnContext turn, QueryText text, bool isUrgent, string questionActivityId, CancellationToken cancellationToken)
    {
        var ask = AskOf(turn, text, isUrgent, questionActivityId);
        if (!await duplicates.OfferInsteadAsync(ask, cancellationToken))
        {
            await RouteAsync(ask, cancellationToken);
        }
    }

    /// <summary>Routes a question (again: a repeated call resumes what is missing), e.g. after "No, ask the experts".</summary>
    public async Task RouteAsync(QueryAsk ask, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ask);
        var (query, isGap) = await CreateOrResumeAsync(ask, cancellationToken);
        if (query.AckActivityId is null)
        {
            var ackId = await thread.PostCardAsync(query.Place, QueryCards.Ack(query), "Query received", cancellationToken);
            query = await queries.UpdateAsync(query.Community, query.Id, q => q with { AckActivityId = ackId }, cancellationToken) ?? query;
        }

        var toAsk = options.Value.ExpertsPerQuery - query.Experts.Count(e => e.State != AssignmentState.Waiting);
        query = await outreach.AskAllAsync(query, [.. query.Experts.Where(e => e.State == AssignmentState.Waiting).Take(Math.Max(0, toAsk))], cancellationToken);

        await thread.RefreshAckAsync(query, cancellationToken);
        if (isGap)
        {
            // After the asker's acknowledgement and the experts: the facilitators' notice is the least urgent step.
            await gapNotice.NotifyOnceAsync(query, cancellationToken);
        }

        Log.QueryRouted(logger, query.Id, query.Experts.Count(e => e.State != AssignmentState.Waiting), query.Experts.Count);
    }

    private static QueryAsk AskOf(TurnContext turn, QueryText text, bool isUrgent, string questionActivityId)
    {
        var activity = turn.Activity;
        var place = ThreadLinks.PlaceOf(activity, questionActivityId);
        return new QueryAsk(place, activity.From!.Id!, activity.From.Name ?? "A member", text.Question, text.Tags, isUrgent);
    }

    private async Task<(QueryRequest Query, bool IsGap)> CreateOrResumeAsync(QueryAsk ask, CancellationToken cancellationToken)
    {
        var community = options.Value.Community;
        var search = await finder.FindAsync(community, new QueryText(ask.Question, ask.Tags), ask.AskerId, options.Value.CandidatesKept, cancellationToken);
        var place = ask.Place;
        var query = new QueryRequest(
            community,
            QueryIds.From(place.ChannelId, place.ConversationId, place.QuestionActivityId),
            ask.Question,
            ask.Tags,
            place,
            ask.AskerId,
            ask.AskerName,
            clock.GetUtcNow(),
            [.. search.Matches.Select(m => new ExpertAssignment(m.ExpertId, m.Name, m.Score, m.Why) { AadObjectId = m.AadObjectId, Email = m.Email })])
        {
            IsUrgent = ask.IsUrgent,
            Topics = [.. ask.Tags.Union(search.Topics, StringComparer.Ordinal)],
        };
        var (stored, _) = await queries.CreateAsync(query, cancellationToken);
        if (search.IsGap)
        {
            // Recorded per topic so facilitators see where the community lacks people (the gaps card, stats).
            foreach (var topic in stored.Topics.Count == 0 ? [KnowledgeGap.NoTopic] : stored.Topics)
            {
                await gaps.RecordAsync(new KnowledgeGap(community, topic, stored.Id, stored.Question, stored.CreatedAt), cancellationToken);
            }
        }

        return (stored, search.IsGap);
    }
}
