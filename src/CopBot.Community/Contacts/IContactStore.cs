namespace CopBot.Community;

/// <summary>
/// Addresses of members and conversations, saved on every install or first contact because proactive messages
/// need them later.
/// </summary>
/// <remarks>
/// Upserts merge with the stored record: <c>FirstSeen</c> is kept from the stored row, <c>LastSeen</c> only moves
/// forward, and a null field keeps the stored value (a channel message must not erase the personal conversation id
/// learnt in a 1:1 chat). Concurrent upserts of the same record all land; none is lost.
/// </remarks>
public interface IContactStore
{
    Task UpsertMemberAsync(MemberContact contact, CancellationToken cancellationToken);

    Task<MemberContact?> GetMemberAsync(string tenantId, string userId, CancellationToken cancellationToken);

    /// <summary>Finds the member by Entra (AAD) object id, which is how profiles and rosters name people.</summary>
    Task<MemberContact?> FindMemberByAadObjectIdAsync(string tenantId, string aadObjectId, CancellationToken cancellationToken);

    /// <summary>Finds the member by e-mail or sign-in name (case-insensitive), as rosters report them.</summary>
    Task<MemberContact?> FindMemberByEmailAsync(string tenantId, string email, CancellationToken cancellationToken);

    Task UpsertConversationAsync(ConversationContact contact, CancellationToken cancellationToken);

    Task<ConversationContact?> GetConversationAsync(string conversationId, CancellationToken cancellationToken);
}
