using CopBot.Cards;
using CopBot.Community;
using CopBot.Features.Requests;
using CopBot.Turns;

namespace CopBot.Features.Query;

/// <summary>
/// What experts and askers do on the query cards. Every action is checked against the stored query, never the
/// card's data alone: a forged request id or a stranger's click changes nothing and says why.
/// </summary>
public sealed class QueryResponses(
    IQueryStore queries,
    IProfileStore profiles,
    IRoutingFeedbackStore feedback,
    RoutingFeedbackHolder feedbackHolder,
    ExpertOutreach outreach,
    RequestAuthorization authorization,
    QueryThread thread,
    Knowledge.AnsweredQueryPublisher knowledge,
    AnswerHistoryRecorder history,
    Microsoft.Extensions.Options.IOptions<QueryOptions> options,
    TimeProvider clock)
{
    public const string NotRouted = "Only the experts this question was routed to can answer or decline it.";
    public const string NotAllowedToClose = "Only the person who asked, or a facilitator, can mark this question answered.";
    public const string Unknown = "I cannot find this question any more.";
    public const string NotAllowedToRate = "Only the person who asked this question can rate its answers.";
    public const string UnknownAnswer = "This question has no such answer to rate.";

    public async Task<CardActionResult> AnswerAsync(TurnContext turn, CardActionRequest action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(action);
        var answer = action.GetString(QueryCardKeys.Answer)?.Trim();
        if (string.IsNullOrEmpty(answer))
        {
            return CardActionResult.Refuse(StatusCodes.Status400BadRequest, "Write an answer first, or decline.");
        }

        if (answer.Length > QueryCardKeys.MaxAnswerLength)
        {
            return CardActionResult.Refuse(StatusCodes.Status400BadRequest, $"Answers are limited to {QueryCardKeys.MaxAnswerLength} characters.");
        }

        var (query, expert, refusal) = await FindRoutedAsync(turn, action, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        if (expert!.State != AssignmentState.Answered)
        {
            var now = clock.GetUtcNow();
            query = await queries.UpdateAsync(query!.Community, query.Id, q =>
                q.Find(expert.ExpertId, null) is { State: AssignmentState.Asked or AssignmentState.TimedOut } current
                    ? q.With(current with { State = AssignmentState.Answered, Answer = answer, AnsweredAt = now })
                    : null,
                cancellationToken) ?? query;
        }

        // Post unless it is already in the thread: a click after a failed post delivers it rather than losing it.
        var stored = query!.Find(expert.ExpertId, null)!;
        if (stored is { State: AssignmentState.Answered, AnswerPostedAt: null, Answer: { } text })
        {
            await thread.PostCardAsync(query.Place, AnswerCard.Build(new AnswerView(stored.Name, text, query.Question)), $"Answer from {stored.Name}", cancellationToken);
            var postedAt = clock.GetUtcNow();
            query = await queries.UpdateAsync(query.Community, query.Id, q =>
                q.Find(expert.ExpertId, null) is { AnswerPostedAt: null } current ? q.With(current with { AnswerPostedAt = postedAt }) : null,
                cancellationToken) ?? query;
            await thread.RefreshAckAsync(query, cancellationToken);
        }

        // On every click, not only the first: a retry after a failed history write records it (once, by its key).
        if (stored.State == AssignmentState.Answered)
        {
            await history.RecordAsync(query.Community, stored.ExpertId, stored.AadObjectId, stored.Name, ProfileHistory.ForAnswer(query, stored), cancellationToken);
        }

        return CardActionResult.Replace(ExpertDoneCard.Answered(query.Question));
    }

    public async Task<CardActionResult> DeclineAsync(TurnContext turn, CardActionRequest action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        var (query, expert, refusal) = await FindRoutedAsync(turn, action, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        var reason = action.GetString(QueryCardKeys.DeclineReason)?.Trim();
        var stored = await queries.UpdateAsync(query!.Community, query.Id, q =>
            q.Find(expert!.ExpertId, null) is { State: AssignmentState.Asked or AssignmentState.TimedOut } current
                ? q.With(current with { State = AssignmentState.Declined, DeclineReason = string.IsNullOrEmpty(reason) ? null : reason })
                : null,
            cancellationToken) ?? query;

        // Someone else is asked only for a decline within the window: after a timeout the next expert was asked already.
        if (expert!.State == AssignmentState.Asked && stored.Status == QueryStatus.Open)
        {
            stored = await AskNextOrFacilitatorsAsync(stored, outreach, cancellationToken);
        }

        await thread.RefreshAckAsync(stored, cancellationToken);
        return CardActionResult.Replace(ExpertDoneCard.Declined(stored.Question));
    }

    public const double NotMyAreaPenalty = -1.0;

    /// <summary>What a "helpful" rating adds for the expert on each of the question's topics; "not helpful" adds nothing.</summary>
    public const double HelpfulBoost = 1.0;

    /// <summary>"Refer someone": the colleague named (by e-mail or exact name in the profiles) is asked instead.</summary>
    public async Task<CardActionResult> ReferAsync(TurnContext turn, CardActionRequest action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        var (query, expert, refusal) = await FindRoutedAsync(turn, action, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        var named = action.GetString(QueryCardKeys.Referral)?.Trim();
        if (string.IsNullOrEmpty(named))
        {
            return CardActionResult.Refuse(StatusCodes.Status400BadRequest, "Write the name or e-mail of the colleague who knows.");
        }

        var colleague = await FindMemberAsync(query!.Community, named, cancellationToken);
        if (colleague is null)
        {
            return CardActionResult.Refuse(StatusCodes.Status404NotFound, $"I could not find \"{named}\" among the community's profiles. Check the spelling, or use their e-mail.");
        }

        if (colleague.Id == query.AskerId || query.Find(colleague.Id, colleague.AadObjectId) is { State: not AssignmentState.Waiting })
        {
            return CardActionResult.Refuse(StatusCodes.Status409Conflict, $"{colleague.Name} asked this question or has already been asked.");
        }

        var referral = new ExpertAssignment(colleague.Id, colleague.Name, 0, [$"referred by {expert!.Name}"]) { AadObjectId = colleague.AadObjectId, Email = colleague.Email };
        var stored = await queries.UpdateAsync(query.Community, query.Id, q =>
        {
            // An expert who answered may still point to a colleague; one who had not answered hands the question over.
            var current = q.Find(expert.ExpertId, null);
            var updated = current?.State switch
            {
                AssignmentState.Asked or AssignmentState.TimedOut => q.With(current with { State = AssignmentState.Declined, DeclineReason = $"referred {colleague.Name}" }),
                AssignmentState.Answered => q,
                _ => null,
            };
            return updated is null || q.Find(colleague.Id, colleague.AadObjectId) is { State: not AssignmentState.Waiting }
                ? null
                : updated with { Experts = [.. updated.Experts.Where(e => e.ExpertId != colleague.Id), referral] };
        }, cancellationToken) ?? query;

        if (stored.Find(colleague.Id, null) is { State: AssignmentState.Waiting } waiting)
        {
            stored = await outreach.AskAsync(stored, waiting, cancellationToken);
        }

        await thread.RefreshAckAsync(stored, cancellationToken);
        return CardActionResult.Replace(ExpertDoneCard.Referred(stored.Question, colleague.Name));
    }

    /// <summary>"Not my area": a decline that also lowers this expert's routing for the question's topics.</summary>
    public async Task<CardActionResult> NotMyAreaAsync(TurnContext turn, CardActionRequest action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        var (query, expert, refusal) = await FindRoutedAsync(turn, action, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        var stored = await queries.UpdateAsync(query!.Community, query.Id, q =>
            q.Find(expert!.ExpertId, null) is { State: AssignmentState.Asked or AssignmentState.TimedOut } current
                ? q.With(current with { State = AssignmentState.Declined, DeclineReason = "not my area" })
                : null,
            cancellationToken) ?? query;
        var penalties = stored.Topics.Select(t => new RoutingFeedback(expert!.ExpertId, t, NotMyAreaPenalty)).ToList();
        await feedback.AddAsync(stored.Community, penalties, cancellationToken);
        feedbackHolder.Add(penalties);

        if (expert!.State == AssignmentState.Asked && stored.Status == QueryStatus.Open)
        {
            stored = await AskNextOrFacilitatorsAsync(stored, outreach, cancellationToken);
        }

        await thread.RefreshAckAsync(stored, cancellationToken);
        return CardActionResult.Replace(ExpertDoneCard.NotMyArea(stored.Question));
    }

    private async Task<ExpertProfile?> FindMemberAsync(string community, string named, CancellationToken cancellationToken) =>
        named.Contains('@', StringComparison.Ordinal)
            ? await profiles.FindByEmailAsync(community, named, cancellationToken)
            : (await profiles.ListAsync(community, cancellationToken)).FirstOrDefault(p => string.Equals(p.Name, named, StringComparison.OrdinalIgnoreCase));

    public async Task<CardActionResult> CloseAsync(TurnContext turn, CardActionRequest action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(action);
        var query = await LoadAsync(action, cancellationToken);
        if (query is null)
        {
            return CardActionResult.Refuse(StatusCodes.Status404NotFound, Unknown);
        }

        if (!await authorization.IsRequesterOrFacilitatorAsync(query.Community, query.AskerId, turn.Activity.From!, cancellationToken))
        {
            return CardActionResult.Refuse(StatusCodes.Status403Forbidden, NotAllowedToClose);
        }

        var closed = await queries.UpdateAsync(query.Community, query.Id, q => q.Status == QueryStatus.Closed ? null : q with { Status = QueryStatus.Closed }, cancellationToken) ?? query;

        // Also on a repeated click: a close whose publishing failed half-way is completed, never duplicated.
        await knowledge.PublishAsync(closed, cancellationToken);
        return CardActionResult.Replace(QueryCards.Ack(closed));
    }

    /// <summary>
    /// The asker rates one answer. Only the change is fed to routing (helpful → not helpful takes the raise back), and
    /// only when the stored rating actually changed: a retried delivery or a second click changes nothing twice. The
    /// feedback is written after the query, so a crash between the two can lose one raise but never doubles it.
    /// </summary>
    public async Task<CardActionResult> RateAsync(TurnContext turn, CardActionRequest action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(action);
        var query = await LoadAsync(action, cancellationToken);
        if (query is null)
        {
            return CardActionResult.Refuse(StatusCodes.Status404NotFound, Unknown);
        }

        if (turn.Activity.From?.Id != query.AskerId)
        {
            return CardActionResult.Refuse(StatusCodes.Status403Forbidden, NotAllowedToRate);
        }

        AnswerRating? rating = action.GetString(QueryCardKeys.Rating) switch
        {
            QueryCardKeys.Helpful => AnswerRating.Helpful,
            QueryCardKeys.NotHelpful => AnswerRating.NotHelpful,
            _ => null,
        };
        var expertId = action.GetString(QueryCardKeys.ExpertId);
        if (rating is null || expertId is null || query.Experts.FirstOrDefault(e => e.ExpertId == expertId) is not { State: AssignmentState.Answered })
        {
            return CardActionResult.Refuse(StatusCodes.Status400BadRequest, UnknownAnswer);
        }

        AnswerRating? before = null;
        var changed = false;
        var stored = await queries.UpdateAsync(query.Community, query.Id, q =>
        {
            var current = q.Experts.FirstOrDefault(e => e.ExpertId == expertId);
            changed = current is { State: AssignmentState.Answered } && current.Rating != rating;
            before = current?.Rating;
            return changed ? q.With(current! with { Rating = rating }) : null;
        }, cancellationToken) ?? query;

        var delta = Weight(rating) - Weight(before);
        if (changed && delta != 0)
        {
            var raise = stored.Topics.Select(t => new RoutingFeedback(expertId, t, delta)).ToList();
            await feedback.AddAsync(stored.Community, raise, cancellationToken);
            feedbackHolder.Add(raise);
        }

        return CardActionResult.Replace(QueryCards.Ack(stored));
    }

    private static double Weight(AnswerRating? rating) => rating == AnswerRating.Helpful ? HelpfulBoost : 0;

    private async Task<(QueryRequest? Query, ExpertAssignment? Expert, CardActionResult? Refusal)> FindRoutedAsync(
        TurnContext turn, CardActionRequest action, CancellationToken cancellationToken)
    {
        var query = await LoadAsync(action, cancellationToken);
        if (query is null)
        {
            return (null, null, CardActionResult.Refuse(StatusCodes.Status404NotFound, Unknown));
        }

        var from = turn.Activity.From!;
        var expert = query.Find(from.Id, from.AadObjectId);
        if (expert is null || expert.State is AssignmentState.Waiting)
        {
            return (query, null, CardActionResult.Refuse(StatusCodes.Status403Forbidden, NotRouted));
        }

        if (query.Status == QueryStatus.Closed)
        {
            return (query, expert, CardActionResult.Replace(ExpertDoneCard.Closed(query.Question)));
        }

        return expert.State == AssignmentState.Declined
            ? (query, expert, CardActionResult.Replace(ExpertDoneCard.Declined(query.Question)))
            : (query, expert, null);
    }

    private async Task<QueryRequest?> LoadAsync(CardActionRequest action, CancellationToken cancellationToken) =>
        CardActionGuard.RequestId(action, QueryCardKeys.RequestId) is { } id
            ? await queries.GetAsync(options.Value.Community, id, cancellationToken)
            : null;

    /// <summary>Asks the best expert not asked yet; when nobody is left and nobody answered, the facilitators.</summary>
    internal static async Task<QueryRequest> AskNextOrFacilitatorsAsync(QueryRequest query, ExpertOutreach outreach, CancellationToken cancellationToken)
    {
        if (query.NextWaiting is { } next)
        {
            return await outreach.AskAsync(query, next, cancellationToken);
        }

        if (query.Answered.Count == 0 && query.Experts.All(e => e.State is not AssignmentState.Asked))
        {
            await outreach.AskFacilitatorsAsync(query, cancellationToken);
        }

        return query;
    }
}
