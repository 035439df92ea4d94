using CopBot.Community;
using CopBot.Features.Query;
using CopBot.Features.Requests;
using CopBot.Turns;

namespace CopBot.Features.Collaborate;

/// <summary>
/// Members the bot could only @mention were asked to reply in the group's thread to join: such a reply takes their
/// role (while a place in it is open). Replies from anyone else are left to the other routes.
/// </summary>
public sealed class CollaborateThreadJoins(
    IRequestThreadIndex threads,
    IWorkingGroupStore groups,
    ThreadPoster poster,
    ThreadCardUpdates cards,
    Microsoft.Extensions.Options.IOptions<QueryOptions> community)
{
    public const string Modality = "collaborate";

    public async Task<bool> IsInviteeReplyAsync(TurnContext turn, CancellationToken cancellationToken) =>
        await FindAsync(turn, cancellationToken) is not null;

    public async Task JoinAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (await FindAsync(turn, cancellationToken) is not { } hit)
        {
            return;
        }

        var (group, member) = hit;
        var joined = await groups.UpdateAsync(group.Community, group.Id, g =>
            g.Find(member.MemberId, null) is { State: GroupMemberState.Invited } current && g.Filled(current.Role) < g.Roles.First(r => r.Role == current.Role).Count
                ? g.With(current with { State = GroupMemberState.Joined })
                : null,
            cancellationToken) ?? group;
        var welcome = joined.Find(member.MemberId, null)!.State == GroupMemberState.Joined
            ? $"welcome to the working group as {member.Role}."
            : $"thank you, but the {member.Role} places are already filled.";
        await poster.MentionAsync(joined.Place, new Protocol.ChannelAccount { Id = member.MemberId, Name = member.Name }, welcome, cancellationToken);
        await cards.RedrawAsync(Modality, joined, cancellationToken);
    }

    private async Task<(WorkingGroup Group, GroupMember Member)?> FindAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var thread = await threads.FindAsync(turn.ConversationId, cancellationToken);
        if (thread is not { Modality: Modality })
        {
            return null;
        }

        var group = await groups.GetAsync(community.Value.Community, thread.RequestId, cancellationToken);
        var from = turn.Activity.From;
        return group is { Status: WorkingGroupStatus.Open }
            && group.Find(from?.Id, from?.AadObjectId) is { State: GroupMemberState.Invited, NotifiedBy: NotificationChannel.ThreadMention } member
            ? (group, member)
            : null;
    }
}
