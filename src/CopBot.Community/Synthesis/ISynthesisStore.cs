namespace CopBot.Community;

/// <summary>Syntheses in Table Storage, one per request; every change is an optimistic read-modify-write.</summary>
public interface ISynthesisStore
{
    Task<SynthesisRecord?> GetAsync(string community, string requestId, CancellationToken cancellationToken);

    /// <summary>
    /// Stores a new draft for the request (version one more than the stored one) unless the stored synthesis is
    /// publishing or published: then returns the stored one unchanged.
    /// </summary>
    Task<SynthesisRecord> SaveDraftAsync(SynthesisRecord draft, CancellationToken cancellationToken);

    /// <summary>Applies <paramref name="change"/> with the ETag read, re-reading on conflict; null from the change writes nothing.</summary>
    Task<SynthesisRecord?> UpdateAsync(string community, string requestId, Func<SynthesisRecord, SynthesisRecord?> change, CancellationToken cancellationToken);
}

/// <summary>A contributor's credit for one published synthesis, shown on their profile.</summary>
public sealed record ContributionCredit(string Community, string ContributorId, string RequestId, string Title, int Contributions, DateTimeOffset PublishedAt);

/// <summary>Credits per contributor; adding the same (contributor, request) twice keeps one.</summary>
public interface IContributionCreditStore
{
    Task AddAsync(ContributionCredit credit, CancellationToken cancellationToken);

    /// <summary>The contributor's credits, newest first.</summary>
    Task<IReadOnlyList<ContributionCredit>> ListAsync(string community, string contributorId, CancellationToken cancellationToken);
}
