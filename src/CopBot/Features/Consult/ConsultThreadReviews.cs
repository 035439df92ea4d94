using CopBot.Community;
using CopBot.Features.Query;
using CopBot.Features.Requests;
using CopBot.Turns;
using Microsoft.Extensions.Options;

namespace CopBot.Features.Consult;

/// <summary>
/// Reviewers the bot could not reach privately were @mentioned in the thread and asked to reply there: their replies
/// in the consultation's thread are their review (kept as comments, appended, until the deadline). Replies from anyone
/// else are left to the other routes.
/// </summary>
public sealed class ConsultThreadReviews(
    IRequestThreadIndex threads,
    IConsultationStore consultations,
    IContributionStore contributions,
    ThreadCardUpdates cards,
    AnswerHistoryRecorder history,
    IOptions<QueryOptions> community,
    TimeProvider clock)
{
    public const string Modality = "consult";
    public const int MaxCommentsLength = Consultation.MaxAnswerLength * 2;

    public async Task<bool> IsReviewerReplyAsync(TurnContext turn, CancellationToken cancellationToken) =>
        await FindAsync(turn, cancellationToken) is not null;

    public async Task RecordAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var found = await FindAsync(turn, cancellationToken);
        if (found is not { } hit || turn.Activity.Id is not { Length: > 0 } activityId)
        {
            return;
        }

        var (consultation, reviewer) = hit;
        var now = clock.GetUtcNow();
        var text = turn.Text.Trim();
        if (!await contributions.AddAsync(new Contribution(consultation.Id, activityId, reviewer.MemberId, reviewer.Name, text, now), cancellationToken))
        {
            // A redelivery: the comments are in; only a history write that failed the first time may be missing.
            await RecordHistoryAsync(consultation, reviewer.MemberId, now, cancellationToken);
            return;
        }

        var stored = await consultations.UpdateAsync(consultation.Community, consultation.Id, c =>
        {
            if (c.Status != ConsultationStatus.Open || c.Find(reviewer.MemberId, null) is not { } current)
            {
                return null;
            }

            var comments = current.Comments is null ? text : current.Comments + "\n\n" + text;
            return c.With(current with
            {
                State = ReviewerState.Reviewed,
                Comments = comments.Length > MaxCommentsLength ? comments[..MaxCommentsLength] : comments,
                SubmittedAt = current.SubmittedAt ?? now,
                UpdatedAt = now,
            });
        }, cancellationToken) ?? consultation;
        await cards.RedrawAsync(Modality, stored, cancellationToken);
        await RecordHistoryAsync(stored, reviewer.MemberId, now, cancellationToken);
    }

    private async Task RecordHistoryAsync(Consultation consultation, string reviewerId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (consultation.Find(reviewerId, null) is { State: ReviewerState.Reviewed } review)
        {
            await history.RecordAsync(consultation.Community, review.MemberId, review.AadObjectId, review.Name, ProfileHistory.ForReview(consultation, review, now), cancellationToken);
        }
    }

    private async Task<(Consultation Consultation, ReviewerAssignment Reviewer)?> FindAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var thread = await threads.FindAsync(turn.ConversationId, cancellationToken);
        if (thread is not { Modality: Modality })
        {
            return null;
        }

        var consultation = await consultations.GetAsync(community.Value.Community, thread.RequestId, cancellationToken);
        var from = turn.Activity.From;
        return consultation is { Status: ConsultationStatus.Open } && clock.GetUtcNow() < consultation.Deadline
            && consultation.Find(from?.Id, from?.AadObjectId) is { State: not ReviewerState.Declined } reviewer
            ? (consultation, reviewer)
            : null;
    }
}
