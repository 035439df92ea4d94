using CopBot.Community;
using CopBot.Features.Requests;
using CopBot.Outbox;
using Microsoft.Extensions.Options;

namespace CopBot.Features.Consult;

/// <summary>The outbox handler that asks one reviewer for a review (kind <c>consult.review</c>).</summary>
public sealed class ConsultReviewDelivery(
    MemberOutreach outreach, IConsultationStore consultations, ThreadPoster poster, IOptions<ConsultOptions> options, TimeProvider clock)
    : InvitationDelivery(outreach)
{
    public const string ReviewKind = "consult.review";

    public override string Kind => ReviewKind;

    public static OutboxMessage Message(Consultation consultation, ReviewerAssignment reviewer)
    {
        ArgumentNullException.ThrowIfNull(consultation);
        ArgumentNullException.ThrowIfNull(reviewer);
        return Message(ReviewKind, consultation.Community, consultation.Id, reviewer.MemberId);
    }

    protected override async Task<Invitation?> BuildAsync(InvitationPayload payload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var consultation = await consultations.GetAsync(payload.Community, payload.RequestId, cancellationToken);
        return consultation is { Status: ConsultationStatus.Open } && consultation.Reviewers.FirstOrDefault(r => r.MemberId == payload.MemberId) is { NotifiedBy: NotificationChannel.None } reviewer
            ? new Invitation(consultation.Place, new OutreachTarget(reviewer.MemberId, reviewer.Name, reviewer.AadObjectId), ConsultCards.Review(consultation, reviewer),
                "Review requested", "would you review this document? Reply in this thread with your comments (your replies are your review), or install CopBot to get the review card.")
            : null;
    }

    protected override async Task RecordAsync(InvitationPayload payload, OutreachResult reached, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payload);
        ArgumentNullException.ThrowIfNull(reached);
        var stored = await consultations.UpdateAsync(payload.Community, payload.RequestId, c =>
            c.Reviewers.FirstOrDefault(r => r.MemberId == payload.MemberId) is { NotifiedBy: NotificationChannel.None } reviewer
                ? c.With(reviewer with { NotifiedBy = reached.Channel, PersonalConversationId = reached.PersonalConversationId, CardActivityId = reached.CardActivityId })
                : null,
            cancellationToken);

        // The status card lists who was reached how: redrawn once the last request is out.
        if (stored is { ThreadCardActivityId: not null } && stored.Reviewers.All(r => r.NotifiedBy != NotificationChannel.None))
        {
            await poster.UpdateCardAsync(stored.Place, stored.ThreadCardActivityId, ConsultCards.Status(stored, clock.GetUtcNow(), options.Value.MaxDuration), "Consultation", cancellationToken);
        }
    }
}
