using CopBot.Cards;
using CopBot.Community;
using CopBot.Features.Requests;
using Microsoft.Extensions.Options;

namespace CopBot.Features.Consult;

/// <summary>
/// A consultation for the shared request mechanics: at its deadline the summary card goes to the requester and the
/// facilitators (1:1, or @mention), and the reviewers who have not reviewed are reminded before it.
/// </summary>
public sealed class ConsultationLifecycle(
    IConsultationStore consultations,
    RequestAuthorization authorization,
    IOptions<ConsultOptions> options,
    ILogger<ConsultationLifecycle> logger) : RequestLifecycle<Consultation>(consultations)
{
    public override string Modality => ConsultThreadReviews.Modality;

    public override string RequestIdKey => ConsultCardKeys.RequestId;

    public override string ExtendDateKey => ConsultCardKeys.Deadline;

    public override TimeSpan MaxDuration => options.Value.MaxDuration;

    public override string Name => "Consultation";

    public override string ClosedByClock => "deadline";

    public override bool IsOpen(Consultation request) => request.Status == ConsultationStatus.Open;

    public override DateTimeOffset ClosesAt(Consultation request) => request.Deadline;

    /// <summary>A later deadline earns a new reminder before it.</summary>
    public override Consultation WithClosesAt(Consultation request, DateTimeOffset closesAt) => request with { Deadline = closesAt, RemindedAt = null };

    public override Consultation Cancelled(Consultation request, string by) => request with { Status = ConsultationStatus.Cancelled, ClosedBy = by };

    public override Consultation Closed(Consultation request, string by) => request with { Status = ConsultationStatus.Closed, ClosedBy = by };

    public override DateTimeOffset? ClosingStartedAt(Consultation request) => request.SummaryStartedAt;

    public override Consultation WithClosingStarted(Consultation request, DateTimeOffset at) => request with { SummaryStartedAt = at };

    public override DateTimeOffset? RemindedAt(Consultation request) => request.RemindedAt;

    public override Consultation WithReminded(Consultation request, DateTimeOffset at) => request with { RemindedAt = at };

    public override RequestStep? Due(Consultation request, DateTimeOffset now) => ConsultationDeadlines.Due(request, now, options.Value.RemindBefore) switch
    {
        ConsultationStep.Summarize => RequestStep.Close,
        ConsultationStep.Remind => RequestStep.Remind,
        _ => null,
    };

    public override string? ThreadCardActivityId(Consultation request) => request.ThreadCardActivityId;

    public override AdaptiveCard ThreadCard(Consultation request, DateTimeOffset now) => ConsultCards.Status(request, now, options.Value.MaxDuration);

    /// <summary>The time left on the thread card moves on.</summary>
    public override bool RedrawAfterReminder => true;

    /// <summary>The summary to the requester and the facilitators.</summary>
    public override ClosingNotice Closing(Consultation request) => new(ConsultCards.Summary(request), "Consultation summary",
        "the consultation has closed; I could not send you the summary privately, so please install CopBot to receive it.", PostInThread: false);

    public override async Task<IReadOnlyList<OutreachTarget>> ClosingRecipientsAsync(Consultation claimed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claimed);
        var facilitators = await FacilitatorsAsync(authorization, claimed.Community, cancellationToken);
        return [new(claimed.RequesterId, claimed.RequesterName), .. facilitators.Where(f => f.Id != claimed.RequesterId)];
    }

    /// <summary>Every review card: a thank-you for those who reviewed.</summary>
    public override IEnumerable<(string MemberId, OutreachResult ReachedBy, AdaptiveCard Notice)> CardsToRetire(Consultation closed)
    {
        ArgumentNullException.ThrowIfNull(closed);
        return closed.Reviewers.Select(r => (r.MemberId, OutreachResult.Of(r),
            NoticeCard.Build(r.State == ReviewerState.Reviewed ? "Thank you: the consultation is closed" : "This consultation is closed", closed.Title, NoticeKind.Info)));
    }

    public override IEnumerable<PendingReminder> Reminders(Consultation request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var until = ClosingDates.Format(request.Deadline);
        return RemindersTo(
            request.Reviewers.Where(r => r.State == ReviewerState.Invited),
            $"Reminder: {request.RequesterName} would value your review of \"{request.Title}\" before {until}. Use the review card above, or decline.",
            $"reminder: your review of this document is welcome before {until}.");
    }

    public override void LogClosed(Consultation closed)
    {
        ArgumentNullException.ThrowIfNull(closed);
        ConsultLog.Summarised(logger, closed.Id, closed.ReviewsReceived);
    }

    public override void LogCheckFailed(Exception exception, string id) => ConsultLog.DeadlineCheckFailed(logger, exception, id);
}
