namespace CopBot.Community;

/// <summary>
/// A conversation the bot was installed in or spoken to in, kept so the bot can post there later.
/// </summary>
/// <param name="ConversationType">Teams' <c>personal</c>, <c>channel</c> or <c>groupChat</c>.</param>
public sealed record ConversationContact(
    string ChannelId,
    string ServiceUrl,
    string ConversationId,
    string ConversationType,
    string? TenantId,
    string? TeamId,
    string? TeamName,
    string? BotId,
    string? BotName,
    DateTimeOffset FirstSeen,
    DateTimeOffset LastSeen);
