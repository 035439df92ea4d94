using CopBot.Cards;
using CopBot.Community;
using CopBot.Features.Requests;
using Microsoft.Extensions.Options;

namespace CopBot.Features.Consult;

/// <summary>
/// At the deadline (or when closed early): the summary card to the requester and the facilitators (1:1, or @mention),
/// the status card final, the reviewers' cards retired. Claimed first so two instances never send it twice; marked
/// closed only after it went out, and a claim older than <see cref="StaleClaim"/> (a crash) is retaken.
/// </summary>
public sealed class ConsultSummary(
    IConsultationStore consultations,
    RequestAuthorization authorization,
    MemberOutreach outreach,
    ThreadPoster poster,
    IOptions<ConsultOptions> options,
    TimeProvider clock,
    ILogger<ConsultSummary> logger)
{
    public static readonly TimeSpan StaleClaim = TimeSpan.FromMinutes(10);

    public async Task<Consultation> SummarizeAsync(Consultation consultation, string closedBy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(consultation);
        var now = clock.GetUtcNow();
        var won = false;
        var claimed = await consultations.UpdateAsync(consultation.Community, consultation.Id, c =>
        {
            won = c.Status == ConsultationStatus.Open && (c.SummaryStartedAt is null || now - c.SummaryStartedAt >= StaleClaim);
            return won ? c with { SummaryStartedAt = now } : null;
        }, cancellationToken);
        if (!won || claimed is null)
        {
            return claimed ?? consultation;
        }

        var card = ConsultCards.Summary(claimed);
        var recipients = new List<OutreachTarget> { new(claimed.RequesterId, claimed.RequesterName) };
        recipients.AddRange((await authorization.FacilitatorsAsync(claimed.Community, 3, cancellationToken))
            .Where(f => f.Id != claimed.RequesterId)
            .Select(f => new OutreachTarget(f.Id, f.Name, f.AadObjectId)));
        foreach (var recipient in recipients)
        {
            await outreach.ReachAsync(claimed.Place, recipient, card, "Consultation summary",
                "the consultation has closed; I could not send you the summary privately, so please install CopBot to receive it.", cancellationToken);
        }

        var closed = await consultations.UpdateAsync(claimed.Community, claimed.Id, c => c with { Status = ConsultationStatus.Closed, ClosedBy = closedBy }, cancellationToken) ?? claimed;
        await AfterClosingAsync(closed, cancellationToken);
        ConsultLog.Summarised(logger, closed.Id, closed.ReviewsReceived);
        return closed;
    }

    /// <summary>Redraws the status card final and retires the review cards (a late click is refused anyway).</summary>
    public async Task AfterClosingAsync(Consultation closed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(closed);
        await poster.UpdateCardAsync(closed.Place, closed.ThreadCardActivityId, ConsultCards.Status(closed, clock.GetUtcNow(), options.Value.MaxDuration), "Consultation", cancellationToken);
        foreach (var reviewer in closed.Reviewers)
        {
            var notice = NoticeCard.Build(reviewer.State == ReviewerState.Reviewed ? "Thank you: the consultation is closed" : "This consultation is closed", closed.Title, NoticeKind.Info);
            await outreach.ReplacePersonalCardAsync(closed.Place, new OutreachResult(reviewer.NotifiedBy, reviewer.PersonalConversationId, reviewer.CardActivityId), notice, "Consultation closed", cancellationToken);
        }
    }
}
