using System.Globalization;
using CopBot.Cards;
using CopBot.Community;
using CopBot.Features.Query;
using CopBot.Features.Requests;
using CopBot.Turns;

namespace CopBot.Features.Consult;

/// <summary>
/// The review card's buttons (review, decline; the status card's close, extend and cancel are the shared
/// <see cref="RequestSteering{T}"/>). Identity comes from the activity's sender and the request from storage:
/// a reviewer only ever writes their own review, a stranger's or forged click is refused and changes nothing.
/// </summary>
public sealed class ConsultResponses(
    IConsultationStore consultations,
    RequestAccess access,
    PendingInvitations<Consultation> invitations,
    DeclinerReplacement replacement,
    ThreadCardUpdates cards,
    AnswerHistoryRecorder history,
    TimeProvider clock)
{
    public const string NotInvited = "Only the reviewers invited to this consultation can review or decline it.";

    /// <summary>Send review: stored for this reviewer only; sending again before the deadline edits it.</summary>
    public async Task<CardActionResult> ReviewAsync(TurnContext turn, CardActionRequest action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        var (consultation, reviewer, refusal) = await FindReviewerAsync(turn, action, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        var answers = new List<string?>();
        for (var i = 1; i <= consultation!.Questions.Count; i++)
        {
            var answer = action.GetString(ConsultCardKeys.Answer(i))?.Trim();
            if (answer is { Length: > Consultation.MaxAnswerLength })
            {
                return CardActionGuard.BadInput($"Answers are limited to {Consultation.MaxAnswerLength} characters (question {i}).");
            }

            answers.Add(string.IsNullOrEmpty(answer) ? null : answer);
        }

        int? rating = null;
        if (action.GetString(ConsultCardKeys.Rating) is { Length: > 0 } ratingText)
        {
            if (!int.TryParse(ratingText, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value is < 1 or > 5)
            {
                return CardActionGuard.BadInput("Choose an overall rating from 1 to 5.");
            }

            rating = value;
        }

        if (rating is null && answers.All(a => a is null))
        {
            return CardActionGuard.BadInput("Write at least one answer or choose a rating, or decline.");
        }

        var now = clock.GetUtcNow();
        var stored = await consultations.UpdateAsync(consultation.Community, consultation.Id, c =>
            c.Status == ConsultationStatus.Open && c.Find(reviewer!.MemberId, null) is { } current
                ? c.With(current with { State = ReviewerState.Reviewed, Answers = answers, Rating = rating, SubmittedAt = current.SubmittedAt ?? now, UpdatedAt = now })
                : null,
            cancellationToken) ?? consultation;
        await RedrawAsync(stored, cancellationToken);
        var mine = stored.Find(reviewer!.MemberId, null)!;
        if (mine.State == ReviewerState.Reviewed)
        {
            await history.RecordAsync(stored.Community, mine.MemberId, mine.AadObjectId, mine.Name, ProfileHistory.ForReview(stored, mine, now), cancellationToken);
        }

        return CardActionResult.Replace(ConsultCards.Review(stored, mine, $"Saved. You can edit your review until {ClosingDates.Format(stored.Deadline)}."));
    }

    public async Task<CardActionResult> DeclineAsync(TurnContext turn, CardActionRequest action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        var (consultation, reviewer, refusal) = await FindReviewerAsync(turn, action, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        var reason = action.GetString(ConsultCardKeys.DeclineReason)?.Trim();
        // The next-ranked member not yet invited takes the place, picked in the same write (see DeclinerReplacement).
        var ranked = reviewer!.State != ReviewerState.Declined
            ? await replacement.RankAsync(ConsultFlow.RequestText(consultation!.Title, consultation.Questions), consultation.RequesterId, consultation.Reviewers, cancellationToken)
            : [];
        var stored = await consultations.UpdateAsync(consultation!.Community, consultation.Id, c =>
            c.Status == ConsultationStatus.Open && c.Find(reviewer.MemberId, null) is { State: not ReviewerState.Declined } current
                ? WithReplacement(c.With(current with { State = ReviewerState.Declined, DeclineReason = string.IsNullOrEmpty(reason) ? null : reason[..Math.Min(reason.Length, 500)] }), current, ranked)
                : null,
            cancellationToken) ?? consultation;
        stored = await invitations.InvitePendingAsync(stored, cancellationToken);
        await RedrawAsync(stored, cancellationToken);
        return CardActionResult.Replace(NoticeCard.Build("Thanks for letting us know", $"You will not be reminded about \"{stored.Title}\".", NoticeKind.Info));
    }

    private static Consultation WithReplacement(Consultation c, ReviewerAssignment decliner, IReadOnlyList<ExpertMatch> ranked) =>
        DeclinerReplacement.Next(ranked, c.Reviewers, c.RequesterId) is { } next
            ? c with { Reviewers = [.. c.Reviewers, new ReviewerAssignment(next.ExpertId, next.Name, next.Why) { AadObjectId = next.AadObjectId, InPlaceOf = decliner.Name }] }
            : c;

    private Task RedrawAsync(Consultation consultation, CancellationToken cancellationToken) =>
        cards.RedrawAsync(ConsultThreadReviews.Modality, consultation, cancellationToken);

    private async Task<(Consultation? Consultation, ReviewerAssignment? Reviewer, CardActionResult? Refusal)> FindReviewerAsync(
        TurnContext turn, CardActionRequest action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var consultation = await LoadAsync(action, cancellationToken);
        if (consultation is null)
        {
            return (null, null, CardActionGuard.Unknown());
        }

        var from = turn.Activity.From!;
        var reviewer = consultation.Find(from.Id, from.AadObjectId);
        if (reviewer is null)
        {
            return (consultation, null, CardActionGuard.Forbidden(NotInvited));
        }

        return consultation.Status != ConsultationStatus.Open || clock.GetUtcNow() >= consultation.Deadline
            ? (consultation, reviewer, CardActionResult.Replace(NoticeCard.Build("This consultation is closed", $"Reviews of \"{consultation.Title}\" are no longer accepted; nothing was changed.", NoticeKind.Warning)))
            : (consultation, reviewer, null);
    }

    private Task<Consultation?> LoadAsync(CardActionRequest action, CancellationToken cancellationToken) =>
        access.LoadAsync(action, ConsultCardKeys.RequestId, consultations.GetAsync, cancellationToken);
}
