namespace CopBot.Community;

/// <summary>
/// How a stored contact and a newly observed one combine: the most recent non-null value of each field wins,
/// <c>FirstSeen</c> stays as stored and <c>LastSeen</c> never goes back. Stores apply this on every upsert.
/// </summary>
public static class ContactMerging
{
    public static MemberContact Merge(MemberContact stored, MemberContact incoming)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(incoming);
        var (newer, older) = incoming.LastSeen >= stored.LastSeen ? (incoming, stored) : (stored, incoming);
        return newer with
        {
            AadObjectId = newer.AadObjectId ?? older.AadObjectId,
            Name = newer.Name ?? older.Name,
            PersonalConversationId = newer.PersonalConversationId ?? older.PersonalConversationId,
            Email = newer.Email ?? older.Email,
            UserPrincipalName = newer.UserPrincipalName ?? older.UserPrincipalName,
            FirstSeen = stored.FirstSeen,
        };
    }

    public static ConversationContact Merge(ConversationContact stored, ConversationContact incoming)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(incoming);
        var (newer, older) = incoming.LastSeen >= stored.LastSeen ? (incoming, stored) : (stored, incoming);
        return newer with
        {
            TenantId = newer.TenantId ?? older.TenantId,
            TeamId = newer.TeamId ?? older.TeamId,
            TeamName = newer.TeamName ?? older.TeamName,
            BotId = newer.BotId ?? older.BotId,
            BotName = newer.BotName ?? older.BotName,
            FirstSeen = stored.FirstSeen,
        };
    }
}
