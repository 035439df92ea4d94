using Azure.Data.Tables;
using CopBot.Community;

namespace CopBot.Storage;

/// <summary>
/// Rows of the members table. Partition = tenant, so a member and the index row that finds them by Entra object id
/// share a partition and are written in one atomic transaction (the index can never point at a member that was not
/// written, nor miss one that was).
/// </summary>
internal static class MemberRows
{
    private const string MemberKind = "user";
    private const string AadIndexKind = "aad";

    public static string Partition(string tenantId) => KeyEncoder.Encode(tenantId);

    public static string MemberRow(string userId) => KeyEncoder.Join(MemberKind, userId);

    // Object ids are GUIDs whose spelling varies in case between sources.
    public static string AadIndexRow(string aadObjectId) => KeyEncoder.Join(AadIndexKind, aadObjectId.ToLowerInvariant());

    public static TableEntity ToEntity(MemberContact contact) => new(Partition(contact.TenantId), MemberRow(contact.UserId))
    {
        ["AadObjectId"] = contact.AadObjectId,
        ["Name"] = contact.Name,
        ["ChannelId"] = contact.ChannelId,
        ["ServiceUrl"] = contact.ServiceUrl,
        ["PersonalConversationId"] = contact.PersonalConversationId,
        ["FirstSeen"] = contact.FirstSeen,
        ["LastSeen"] = contact.LastSeen,
    };

    public static TableEntity ToAadIndex(MemberContact contact, string aadObjectId) =>
        new(Partition(contact.TenantId), AadIndexRow(aadObjectId)) { ["UserId"] = contact.UserId };

    public static MemberContact ToContact(TableEntity entity) => new(
        TenantId: KeyEncoder.Decode(entity.PartitionKey),
        UserId: KeyEncoder.Split(entity.RowKey)[1],
        AadObjectId: entity.GetString("AadObjectId"),
        Name: entity.GetString("Name"),
        ChannelId: entity.GetString("ChannelId") ?? "",
        ServiceUrl: entity.GetString("ServiceUrl") ?? "",
        PersonalConversationId: entity.GetString("PersonalConversationId"),
        FirstSeen: entity.GetDateTimeOffset("FirstSeen") ?? default,
        LastSeen: entity.GetDateTimeOffset("LastSeen") ?? default);
}
