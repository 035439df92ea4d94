namespace CopBot.Community;

/// <summary>The profile index expert routing reads. Profiles are keyed by (community, id).</summary>
public interface IProfileStore
{
    /// <summary>Creates or replaces the profile (history included); reports <see cref="UpsertOutcome.Unchanged"/>
    /// without writing when the stored profile is already equal. History items the bot recorded (keyed, see
    /// <see cref="ProfileHistory.KeepRecorded"/>) that the new profile lacks are kept.</summary>
    Task<UpsertOutcome> UpsertAsync(ExpertProfile profile, CancellationToken cancellationToken);

    /// <summary>
    /// Upserts many profiles with as few round trips as the store allows (Table Storage: profile rows in transactions
    /// of up to 100 entities of one partition). Outcomes are in input order; ids must be unique per community.
    /// The default writes one by one.
    /// </summary>
    async Task<IReadOnlyList<UpsertOutcome>> UpsertManyAsync(IReadOnlyList<ExpertProfile> profiles, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(profiles);
        var outcomes = new List<UpsertOutcome>(profiles.Count);
        foreach (var profile in profiles)
        {
            outcomes.Add(await UpsertAsync(profile, cancellationToken));
        }

        return outcomes;
    }

    /// <summary>
    /// Read-modify-write of one profile, guarded by its ETag and re-run on a concurrent write: <paramref name="change"/>
    /// gets the stored profile (null when there is none) and returns the profile to store (same community and id), or
    /// null to write nothing. Returns the stored profile when something was written, else null.
    /// </summary>
    Task<ExpertProfile?> UpdateAsync(
        string community, string id, Func<ExpertProfile?, ExpertProfile?> change, CancellationToken cancellationToken);

    Task<ExpertProfile?> GetAsync(string community, string id, CancellationToken cancellationToken);

    /// <summary>Every profile of the community, history included, ordered by the stored key.</summary>
    Task<IReadOnlyList<ExpertProfile>> ListAsync(string community, CancellationToken cancellationToken);

    /// <summary>Links a roster member (who carries an Entra object id) to their profile. Case-insensitive.</summary>
    Task<ExpertProfile?> FindByAadObjectIdAsync(string community, string aadObjectId, CancellationToken cancellationToken);

    /// <summary>Links a person known by e-mail or UPN to their profile. Case-insensitive.</summary>
    Task<ExpertProfile?> FindByEmailAsync(string community, string email, CancellationToken cancellationToken);
}
