using CopBot.Community;
using CopBot.Features.Profile;
using CopBot.Protocol;

namespace CopBot.Features.Requests;

/// <summary>
/// Who may steer a request (close, extend, cancel) in any modality: the member who made it, or one of the
/// community's facilitators (by profile role). Identity comes from the activity's sender, never from card data.
/// </summary>
public sealed class RequestAuthorization(IProfileStore profiles, MemberProfiles members, ExpertIndexHolder index)
{
    public async Task<bool> IsRequesterOrFacilitatorAsync(string community, string requesterId, ChannelAccount person, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(person);
        return (person.Id is not null && person.Id == requesterId) || await IsFacilitatorAsync(community, person, cancellationToken);
    }

    public async Task<bool> IsFacilitatorAsync(string community, ChannelAccount person, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(person);
        var profile = await members.FindAsync(community, person, cancellationToken);
        return profile?.Roles.Contains(CommunityRole.Facilitator) == true;
    }

    /// <summary>
    /// The community's facilitators, at most <paramref name="limit"/>, by profile id. The loaded routing index holds
    /// every profile with its roles, so this costs no storage read; a role granted or removed on another instance or by
    /// an import shows here at the next index refresh. When the index names none (not loaded yet, or a facilitator
    /// imported since), the store is scanned, so a request is never left without the facilitator storage knows.
    /// </summary>
    public async Task<IReadOnlyList<ExpertProfile>> FacilitatorsAsync(string community, int limit, CancellationToken cancellationToken)
    {
        var current = index.Current;
        if (index.IsLoaded && current.Community == community && FacilitatorsAmong(current.Profiles, limit) is { Count: > 0 } indexed)
        {
            return indexed;
        }

        return FacilitatorsAmong(await profiles.ListAsync(community, cancellationToken), limit);
    }

    private static List<ExpertProfile> FacilitatorsAmong(IEnumerable<ExpertProfile> candidates, int limit) =>
        [.. candidates.Where(p => p.Roles.Contains(CommunityRole.Facilitator)).OrderBy(p => p.Id, StringComparer.Ordinal).Take(limit)];
}
