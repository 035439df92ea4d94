namespace CopBot.Community;

/// <summary>Reads what the indicators need from the stores (the bot's <c>stats</c> and the admin CLI share it).</summary>
public sealed class IndicatorReader(
    IProfileStore profiles,
    IQueryStore queries,
    IDuplicateOfferStore offers,
    IKnowledgeBase knowledge,
    IDiscussionStore discussions,
    IConsultationStore consultations,
    IWorkingGroupStore groups)
{
    public async Task<CommunityIndicators> ReadAsync(string community, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        if (to <= from)
        {
            throw new ArgumentException("The period must end after it starts.", nameof(to));
        }

        return IndicatorCalculator.Compute(
            community,
            from,
            to,
            await profiles.ListAsync(community, cancellationToken),
            await queries.ListAsync(community, cancellationToken),
            await offers.ListAsync(community, cancellationToken),
            await knowledge.ListAsync(community, cancellationToken),
            new ModalityRecords(
                await discussions.ListAsync(community, cancellationToken),
                await consultations.ListAsync(community, cancellationToken),
                await groups.ListAsync(community, cancellationToken)));
    }
}
