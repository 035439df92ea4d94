namespace CopBot.Community;

/// <summary>Pending and settled duplicate offers; every change is an optimistic read-modify-write.</summary>
public interface IDuplicateOfferStore
{
    /// <summary>Stores a new offer; when one with the same id exists returns that one and false.</summary>
    Task<(DuplicateOffer Stored, bool Created)> CreateAsync(DuplicateOffer offer, CancellationToken cancellationToken);

    Task<DuplicateOffer?> GetAsync(string community, string id, CancellationToken cancellationToken);

    /// <summary>Applies <paramref name="change"/> with the ETag read (re-reading on conflict); null leaves the row untouched.</summary>
    Task<DuplicateOffer?> UpdateAsync(string community, string id, Func<DuplicateOffer, DuplicateOffer?> change, CancellationToken cancellationToken);

    /// <summary>Every offer of the community (for the community's indicators).</summary>
    Task<IReadOnlyList<DuplicateOffer>> ListAsync(string community, CancellationToken cancellationToken);
}
