using CopBot.Community;

namespace CopBot.Features.Synthesis;

/// <summary>The organisation of each contributor, from the profile index, for the credits and the statistics.</summary>
public static class ContributorOrganizations
{
    // A thread of hundreds of contributors is read a few profiles at a time, not all at once nor one by one.
    internal const int MaxConcurrentReads = 16;

    /// <summary>Every distinct id once, in first-seen order; null for an id without a profile or organisation.</summary>
    public static async Task<IReadOnlyDictionary<string, string?>> ReadAsync(IProfileStore profiles, string community, IEnumerable<string> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(profiles);
        return await ReadAsync((id, ct) => profiles.GetAsync(community, id, ct), ids, cancellationToken);
    }

    internal static async Task<IReadOnlyDictionary<string, string?>> ReadAsync(
        Func<string, CancellationToken, Task<ExpertProfile?>> readProfile, IEnumerable<string> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var distinct = ids.Distinct(StringComparer.Ordinal).ToList();
        var found = new string?[distinct.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, distinct.Count),
            new ParallelOptions { MaxDegreeOfParallelism = MaxConcurrentReads, CancellationToken = cancellationToken },
            async (i, ct) => found[i] = (await readProfile(distinct[i], ct))?.Organization);

        var organizations = new Dictionary<string, string?>(distinct.Count, StringComparer.Ordinal);
        for (var i = 0; i < distinct.Count; i++)
        {
            organizations[distinct[i]] = found[i];
        }

        return organizations;
    }
}
