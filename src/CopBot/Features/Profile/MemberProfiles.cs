using CopBot.Community;
using CopBot.Protocol;

namespace CopBot.Features.Profile;

/// <summary>
/// Finds the profile of the member an activity comes from, by their Teams id (profiles made through the bot are keyed
/// by it) or their Entra object id (imported profiles are found by it, and profiles made through the bot carry it too).
/// The loaded routing index, which holds every profile id, decides which storage read comes first, so most lookups
/// cost one request instead of two: a profile it knows by Teams id is read by key, any other member is looked up by
/// Entra id only. Storage stays the authority for what is returned; the index only orders the reads.
/// The one gap: a profile keyed by a Teams id without an Entra id, imported or made on another instance less than one
/// index refresh ago, is not found for a member whose activity carries an Entra id until that refresh.
/// </summary>
public sealed class MemberProfiles(IProfileStore profiles, ExpertIndexHolder index)
{
    public Task<ExpertProfile?> FindAsync(string community, ChannelAccount member, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(member);
        return FindAsync(community, member.Id, member.AadObjectId, cancellationToken);
    }

    public async Task<ExpertProfile?> FindAsync(string community, string? memberId, string? aadObjectId, CancellationToken cancellationToken)
    {
        if (memberId is not null && (aadObjectId is null || MayBeKeyedBy(community, memberId))
            && await profiles.GetAsync(community, memberId, cancellationToken) is { } byTeamsId)
        {
            return byTeamsId;
        }

        return aadObjectId is null ? null : await profiles.FindByAadObjectIdAsync(community, aadObjectId, cancellationToken);
    }

    // Before the first full load (or for another community) the index cannot rule anything out: read by key as well.
    private bool MayBeKeyedBy(string community, string memberId)
    {
        var current = index.Current;
        return !index.IsLoaded || current.Community != community || current.Find(memberId) is not null;
    }
}
