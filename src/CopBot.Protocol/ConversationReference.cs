namespace CopBot.Protocol;

/// <summary>
/// Everything needed to speak in a conversation later without an incoming activity (proactive messages):
/// save it on install and first contact.
/// </summary>
/// <param name="ChannelId">The Bot Framework channel, <c>msteams</c>.</param>
/// <param name="ServiceUrl">The connector endpoint for this conversation's region.</param>
/// <param name="ConversationId">The conversation as received: for a channel message this includes the thread suffix.</param>
/// <param name="ConversationType">One of <see cref="ConversationTypes"/>, when the channel says.</param>
/// <param name="TenantId">From <c>conversation.tenantId</c>, else <c>channelData.tenant.id</c>.</param>
/// <param name="TeamId">The team's thread id (<c>19:…@thread…</c>), for team-scoped activities.</param>
/// <param name="TeamsChannelId">The Teams channel's id inside the team, for channel activities.</param>
/// <param name="User">The person who sent the activity.</param>
/// <param name="Bot">The bot as this conversation knows it (<c>28:{appId}</c>).</param>
/// <param name="ActivityId">The activity the reference was taken from, to reply to it later.</param>
public sealed record ConversationReference(
    string ChannelId,
    string ServiceUrl,
    string ConversationId,
    string? ConversationType,
    string? TenantId,
    string? TeamId,
    string? TeamsChannelId,
    ChannelAccount? User,
    ChannelAccount? Bot,
    string? ActivityId);
