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
    DateTimeOffset LastSeen)
{
    /// <summary>The member's e-mail as the roster reports it; profiles imported with only an e-mail are linked by it.</summary>
    public string? Email { get; init; }

    /// <summary>The sign-in name (usually, not always, the e-mail); linked like <see cref="Email"/>.</summary>
    public string? UserPrincipalName { get; init; }

    /// <summary>The addresses this member can be found by (e-mail and sign-in name), without repeats.</summary>
    public IEnumerable<string> Addresses() =>
        new[] { Email, UserPrincipalName }.OfType<string>().Where(a => a.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase);
}
