namespace CopBot.Community;

/// <summary>
/// How to reach a member later (proactive 1:1 messages need the service URL and, once created, the personal
/// conversation id). Null fields mean "not known yet": storing a contact never erases what was known before.
/// </summary>
/// <param name="UserId">The Teams <c>29:</c> id of the user for this bot.</param>
public sealed record MemberContact(
    string TenantId,
    string UserId,
    string? AadObjectId,
    string? Name,
    string ChannelId,
    string ServiceUrl,
    string? PersonalConversationId,
    DateTimeOffset FirstSeen,
    DateTimeOffset LastSeen);
