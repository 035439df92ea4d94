using CopBot.Community;
using CopBot.Features.Query;
using CopBot.Features.Requests;
using Microsoft.Extensions.Options;

namespace CopBot.Features.Consult;

/// <summary>
/// For every open consultation: one reminder to the reviewers who have not reviewed, <see cref="ConsultOptions.RemindBefore"/>
/// the deadline (claimed in storage first, so never twice), and the summary at the deadline.
/// </summary>
public sealed class ConsultDeadlineChecker(
    IConsultationStore consultations,
    MemberOutreach outreach,
    ConsultSummary summary,
    ThreadPoster poster,
    IOptions<QueryOptions> community,
    IOptions<ConsultOptions> options,
    TimeProvider clock,
    ILogger<ConsultDeadlineChecker> logger) : IDeadlineChecker
{
    public Task RunOnceAsync(CancellationToken cancellationToken)
    {
        var name = community.Value.Community;
        return OpenRequestSweep.RunAsync(ct => consultations.ListOpenAsync(name, ct), (id, ct) => CheckAsync(name, id, ct), (ex, id) => ConsultLog.DeadlineCheckFailed(logger, ex, id), cancellationToken);
    }

    private async Task CheckAsync(string name, string id, CancellationToken cancellationToken)
    {
        var consultation = await consultations.GetAsync(name, id, cancellationToken);
        if (consultation is null)
        {
            return;
        }

        switch (ConsultationDeadlines.Due(consultation, clock.GetUtcNow(), options.Value.RemindBefore))
        {
            case ConsultationStep.Summarize:
                await summary.SummarizeAsync(consultation, "deadline", cancellationToken);
                break;
            case ConsultationStep.Remind:
                await RemindAsync(consultation, cancellationToken);
                break;
        }
    }

    private async Task RemindAsync(Consultation consultation, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var won = false;
        var claimed = await consultations.UpdateAsync(consultation.Community, consultation.Id, c =>
        {
            won = c.RemindedAt is null && c.Status == ConsultationStatus.Open;
            return won ? c with { RemindedAt = now } : null;
        }, cancellationToken);
        if (!won || claimed is null)
        {
            return;
        }

        var until = ClosingDates.Format(claimed.Deadline);
        foreach (var reviewer in claimed.Reviewers.Where(r => r.State == ReviewerState.Invited))
        {
            await outreach.NudgeAsync(
                claimed.Place, new OutreachTarget(reviewer.MemberId, reviewer.Name, reviewer.AadObjectId),
                new OutreachResult(reviewer.NotifiedBy, reviewer.PersonalConversationId, reviewer.CardActivityId),
                $"Reminder: {claimed.RequesterName} would value your review of \"{claimed.Title}\" before {until}. Use the review card above, or decline.",
                $"reminder: your review of this document is welcome before {until}.",
                cancellationToken);
        }

        // The time left on the thread card moves on too.
        await poster.UpdateCardAsync(claimed.Place, claimed.ThreadCardActivityId, ConsultCards.Status(claimed, now, options.Value.MaxDuration), "Consultation", cancellationToken);
    }
}
