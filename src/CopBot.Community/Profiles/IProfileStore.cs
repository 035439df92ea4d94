namespace CopBot.Community;

/// <summary>The profile index expert routing reads. Profiles are keyed by (community, id).</summary>
public interface IProfileStore
{
    /// <summary>Creates or replaces the profile (history included); reports <see cref="UpsertOutcome.Unchanged"/>
    /// without writing when the stored profile is already equal.</summary>
    Task<UpsertOutcome> UpsertAsync(ExpertProfile profile, CancellationToken cancellationToken);

    Task<ExpertProfile?> GetAsync(string community, string id, CancellationToken cancellationToken);

    /// <summary>Every profile of the community, history included, ordered by the stored key.</summary>
    Task<IReadOnlyList<ExpertProfile>> ListAsync(string community, CancellationToken cancellationToken);

    /// <summary>Links a roster member (who carries an Entra object id) to their profile. Case-insensitive.</summary>
    Task<ExpertProfile?> FindByAadObjectIdAsync(string community, string aadObjectId, CancellationToken cancellationToken);

    /// <summary>Links a person known by e-mail or UPN to their profile. Case-insensitive.</summary>
    Task<ExpertProfile?> FindByEmailAsync(string community, string email, CancellationToken cancellationToken);
}
