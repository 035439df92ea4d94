using CopBot.Community;
using CopBot.Features.Requests;

namespace CopBot.Features.Consult;

/// <summary>How a consultation asks its reviewers (outbox kind <c>consult.review</c>).</summary>
public sealed class ConsultInvitations(IConsultationStore consultations) : IInvitationRules<Consultation>
{
    public const string ReviewKind = "consult.review";

    public string Kind => ReviewKind;

    public string Modality => ConsultThreadReviews.Modality;

    public IRequestStore<Consultation> Store => consultations;

    public bool IsOpen(Consultation request) => request.Status == ConsultationStatus.Open;

    public IEnumerable<IInvitee> Invitees(Consultation request) => request.Reviewers;

    public InvitationText Invite(Consultation request, IInvitee invitee) => new(
        ConsultCards.Review(request, (ReviewerAssignment)invitee),
        "Review requested", "would you review this document? Reply in this thread with your comments (your replies are your review), or install CopBot to get the review card.");

    public Consultation? WithReached(Consultation request, string memberId, OutreachResult reached) =>
        request.Reviewers.FirstOrDefault(r => r.MemberId == memberId) is { NotifiedBy: NotificationChannel.None } reviewer
            ? request.With(reviewer with { NotifiedBy = reached.Channel, PersonalConversationId = reached.PersonalConversationId, CardActivityId = reached.CardActivityId })
            : null;
}
