using CopBot.Community;
using CopBot.Features.Synthesis;

namespace CopBot.Features.Consult;

/// <summary>
/// Consultations as synthesis subjects: each reviewer's answers (and comments) are one contribution. Publishing does
/// not close an open consultation: its deadline summary to the requester still has to go out, so it closes then.
/// </summary>
public sealed class ConsultationSynthesisSource(IConsultationStore consultations, IProfileStore profiles) : ISynthesisSource
{
    public async Task<SynthesisSubject?> FindAsync(string community, string requestId, CancellationToken cancellationToken)
    {
        var consultation = await consultations.GetAsync(community, requestId, cancellationToken);
        if (consultation is null)
        {
            return null;
        }

        var reviews = consultation.Reviewers.Where(r => r.State == ReviewerState.Reviewed).ToList();
        var organizations = await ContributorOrganizations.ReadAsync(profiles, community, reviews.Select(r => r.MemberId).Append(consultation.RequesterId), cancellationToken);

        var text = string.Join("\n", [consultation.Title, .. consultation.Questions]);
        var contributions = reviews
            .Select(r => (Reviewer: r, Text: string.Join("\n", r.Answers.Append(r.Comments).Where(a => !string.IsNullOrWhiteSpace(a)))))
            .Where(r => r.Text.Length > 0)
            .Select(r => new SynthesisContribution(
                $"{consultation.Id}:{r.Reviewer.MemberId}",
                new Contributor(r.Reviewer.MemberId, r.Reviewer.Name, organizations[r.Reviewer.MemberId]),
                r.Text,
                r.Reviewer.SubmittedAt ?? r.Reviewer.UpdatedAt ?? consultation.CreatedAt))
            .OrderBy(c => c.At);
        var request = new SynthesisRequest(
            community,
            consultation.Id,
            "consult",
            text,
            new Contributor(consultation.RequesterId, consultation.RequesterName, organizations[consultation.RequesterId]),
            consultation.CreatedAt,
            [.. contributions]);
        return new SynthesisSubject(request, consultation.Place, consultation.Status != ConsultationStatus.Open, consultation.Tags);
    }

    public Task CloseAsync(string community, string requestId, CancellationToken cancellationToken) => Task.CompletedTask;
}
