namespace CopBot.Community;

/// <summary>
/// The channel where the community's digest is posted: the first team channel the bot was added to or spoken to in.
/// Only the address is kept (the digest starts a new post there, so no thread root is needed).
/// </summary>
/// <param name="ConversationId">The channel's conversation id, without any <c>;messageid=</c> thread suffix.</param>
public sealed record CommunityChannel(
    string Community,
    string ChannelId,
    string ServiceUrl,
    string ConversationId,
    string? TenantId,
    string? TeamName,
    string? BotId,
    string? BotName,
    DateTimeOffset RecordedAt);

/// <summary>Where the community's channel is kept (Table Storage in the host).</summary>
public interface ICommunityChannelStore
{
    /// <summary>
    /// Keeps <paramref name="channel"/> unless the community already has one: then returns the stored one. The first
    /// channel wins, so a message in another team never moves the digest; concurrent first contacts agree on one.
    /// </summary>
    Task<CommunityChannel> RecordIfAbsentAsync(CommunityChannel channel, CancellationToken cancellationToken);

    Task<CommunityChannel?> GetAsync(string community, CancellationToken cancellationToken);
}
