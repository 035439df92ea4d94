using CopBot.Community;

namespace CopBot.Features.Synthesis;

/// <summary>The organisation of each contributor, from the profile index, for the credits and the statistics.</summary>
public static class ContributorOrganizations
{
    public static async Task<IReadOnlyDictionary<string, string?>> ReadAsync(IProfileStore profiles, string community, IEnumerable<string> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(profiles);
        ArgumentNullException.ThrowIfNull(ids);
        var organizations = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var id in ids.Distinct(StringComparer.Ordinal))
        {
            organizations[id] = (await profiles.GetAsync(community, id, cancellationToken))?.Organization;
        }

        return organizations;
    }
}
