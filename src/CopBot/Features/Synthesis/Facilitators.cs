using CopBot.Community;
using CopBot.Features.Profile;
using CopBot.Protocol;

namespace CopBot.Features.Synthesis;

/// <summary>Who may synthesise: members whose profile carries the facilitator role (found by Teams id or Entra id).</summary>
public sealed class Facilitators(MemberProfiles members)
{
    public const string Refusal = "Only the community's facilitators can synthesise a request. Ask a facilitator if this thread needs a consolidated reply.";

    /// <summary>The person's profile when they are a facilitator, else null.</summary>
    public async Task<ExpertProfile?> FindAsync(string community, ChannelAccount person, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(person);
        var profile = await members.FindAsync(community, person, cancellationToken);
        return profile?.Roles.Contains(CommunityRole.Facilitator) == true ? profile : null;
    }
}
