using CopBot.Community;
using CopBot.Features.Profile;
using CopBot.Protocol;

namespace CopBot.Features.Requests;

/// <summary>
/// Who may steer a request (close, extend, cancel) in any modality: the member who made it, or one of the
/// community's facilitators (by profile role). Identity comes from the activity's sender, never from card data.
/// </summary>
public sealed class RequestAuthorization(IProfileStore profiles, MemberProfiles members)
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

    /// <summary>The community's facilitators, at most <paramref name="limit"/>, in profile order.</summary>
    public async Task<IReadOnlyList<ExpertProfile>> FacilitatorsAsync(string community, int limit, CancellationToken cancellationToken) =>
        [.. (await profiles.ListAsync(community, cancellationToken)).Where(p => p.Roles.Contains(CommunityRole.Facilitator)).Take(limit)];
}
