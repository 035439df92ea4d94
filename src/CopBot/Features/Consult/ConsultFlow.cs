using CopBot.Cards;
using CopBot.Community;
using CopBot.Features.Query;
using CopBot.Features.Requests;
using CopBot.Turns;
using Microsoft.Extensions.Options;

namespace CopBot.Features.Consult;

/// <summary>
/// <c>consult &lt;title&gt;</c> answers with the form; its Send button stores the consultation, posts the status card
/// in the thread and sends each reviewer (named ones first, then the best-ranked members) a 1:1 review card. Each step
/// is recorded before the next, so a repeated press resumes what is missing instead of redoing it.
/// </summary>
public sealed class ConsultFlow(
    ConsultForm form,
    IExpertFinder finder,
    IConsultationStore consultations,
    IRequestThreadIndex threads,
    PendingInvitations<Consultation> invitations,
    ThreadCardUpdates cards,
    ThreadPoster poster,
    IOptions<QueryOptions> community,
    IOptions<ConsultOptions> options,
    TimeProvider clock,
    ILogger<ConsultFlow> logger)
{
    public async Task StartAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var title = turn.Command.Argument.Length > Consultation.MaxTitleLength ? turn.Command.Argument[..Consultation.MaxTitleLength] : turn.Command.Argument;
        await turn.ReplyAsync(form.Blank(title.Length == 0 ? null : title, options.Value.MaxDuration), "Ask for comments", cancellationToken);
    }

    public async Task<CardActionResult> SubmitAsync(TurnContext turn, CardActionRequest action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(action);
        var (draft, again) = await form.ReadAsync(action, community.Value.Community, options.Value.MaxDuration, cancellationToken);
        if (draft is null)
        {
            return CardActionResult.Replace(again!);
        }

        var consultation = await CreateOrResumeAsync(turn, draft, action.CardActivityId ?? turn.Activity.Id ?? string.Empty, cancellationToken);
        await threads.RegisterAsync(new RequestThread(consultation.Place.ConversationId, ConsultThreadReviews.Modality, consultation.Community, consultation.Id), cancellationToken);
        if (consultation.ThreadCardActivityId is null)
        {
            var cardId = await poster.PostCardAsync(consultation.Place, ConsultCards.Status(consultation, clock.GetUtcNow(), options.Value.MaxDuration), "Consultation opened", cancellationToken);
            consultation = await consultations.UpdateAsync(consultation.Community, consultation.Id, c => c with { ThreadCardActivityId = cardId }, cancellationToken) ?? consultation;
        }

        consultation = await invitations.InvitePendingAsync(consultation, cancellationToken);
        await cards.RedrawAsync(ConsultThreadReviews.Modality, consultation, cancellationToken);
        ConsultLog.Opened(logger, consultation.Id, consultation.Reviewers.Count);
        return CardActionResult.Replace(NoticeCard.Build("Sent for review", $"{draft.Title}: {consultation.Reviewers.Count} reviewers invited, summary at {ClosingDates.Format(draft.Deadline)}.", NoticeKind.Info));
    }

    /// <summary>What routing reads of a consultation: its title and questions.</summary>
    public static QueryText RequestText(string title, IEnumerable<string> questions) => QueryText.Parse(title + "\n" + string.Join("\n", questions));

    public static Task<CardActionResult> CancelFormAsync(TurnContext turn, CardActionRequest action, CancellationToken cancellationToken) =>
        Task.FromResult(CardActionResult.Replace(NoticeCard.Build("Cancelled", "Nothing was sent. Type consult when you are ready.", NoticeKind.Info)));

    private async Task<Consultation> CreateOrResumeAsync(TurnContext turn, ConsultationDraft draft, string requestActivityId, CancellationToken cancellationToken)
    {
        var requester = turn.Activity.From!;
        var name = community.Value.Community;
        var wanted = options.Value.Reviewers;
        var named = draft.NamedReviewers.Where(p => p.Id != requester.Id && (p.AadObjectId is null || p.AadObjectId != requester.AadObjectId)).ToList();
        var text = RequestText(draft.Title, draft.Questions);
        var search = await finder.FindAsync(name, text, requester.Id!, wanted + named.Count, cancellationToken);
        var routed = search.Matches.Where(m => named.All(p => p.Id != m.ExpertId)).Take(Math.Max(0, wanted - named.Count));
        var requesterName = requester.Name ?? "A member";
        var place = ThreadLinks.PlaceOf(turn.Activity, requestActivityId);
        var consultation = new Consultation(
            name,
            RequestIds.From("c-", place.ChannelId, place.ConversationId, place.QuestionActivityId),
            draft.Title,
            draft.Document,
            draft.Questions,
            [.. text.Tags.Union(search.Topics, StringComparer.Ordinal)],
            place,
            requester.Id!,
            requesterName,
            clock.GetUtcNow(),
            draft.Deadline,
            [
                .. named.Select(p => new ReviewerAssignment(p.Id, p.Name, [$"asked for by {requesterName}"]) { AadObjectId = p.AadObjectId }),
                .. routed.Select(m => new ReviewerAssignment(m.ExpertId, m.Name, m.Why) { AadObjectId = m.AadObjectId }),
            ]);
        var (stored, _) = await consultations.CreateAsync(consultation, cancellationToken);
        return stored;
    }
}
