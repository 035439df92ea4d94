namespace CopBot.Community;

/// <summary>Reads what a digest needs from the stores (the periodic digest and the facilitators' preview share it).</summary>
public sealed class DigestReader(
    IProfileStore profiles,
    IQueryStore queries,
    IKnowledgeBase knowledge,
    IDiscussionStore discussions,
    IConsultationStore consultations,
    IWorkingGroupStore groups)
{
    public async Task<CommunityDigest> ReadAsync(string community, DigestPeriod period, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(period);
        if (period.To <= period.From)
        {
            throw new ArgumentException("The period must end after it starts.", nameof(period));
        }

        return DigestCalculator.Compute(
            community,
            period,
            await profiles.ListAsync(community, cancellationToken),
            await queries.ListAsync(community, cancellationToken),
            await knowledge.ListAsync(community, cancellationToken),
            new ModalityRecords(
                await discussions.ListAsync(community, cancellationToken),
                await consultations.ListAsync(community, cancellationToken),
                await groups.ListAsync(community, cancellationToken)));
    }
}
