using Azure.Data.Tables;
using CopBot.Community;

namespace CopBot.Storage;

/// <summary>
/// Rows of the members table. Partition = tenant, so a member and the index rows that find them by Entra object id
/// and by e-mail / sign-in name share a partition and are written in one atomic transaction (the index can never point at a member that was not
/// written, nor miss one that was).
/// </summary>
internal static class MemberRows
{
    private const string MemberKind = "user";
    private const string AadIndexKind = "aad";
    private const string EmailIndexKind = "email";

    public static string Partition(string tenantId) => KeyEncoder.Encode(tenantId);

    public static string MemberRow(string userId) => KeyEncoder.Join(MemberKind, userId);

    // Object ids are GUIDs whose spelling varies in case between sources.
    public static string AadIndexRow(string aadObjectId) => KeyEncoder.Join(AadIndexKind, aadObjectId.ToLowerInvariant());

    // Addresses are matched ignoring case (Contoso.com and contoso.com are one mailbox).
    public static string EmailIndexRow(string email) => KeyEncoder.Join(EmailIndexKind, email.ToLowerInvariant());

    public static TableEntity ToEntity(MemberContact contact) => new(Partition(contact.TenantId), MemberRow(contact.UserId))
    {
        ["AadObjectId"] = contact.AadObjectId,
        ["Email"] = contact.Email,
        ["UserPrincipalName"] = contact.UserPrincipalName,
        ["Name"] = contact.Name,
        ["ChannelId"] = contact.ChannelId,
        ["ServiceUrl"] = contact.ServiceUrl,
        ["PersonalConversationId"] = contact.PersonalConversationId,
        ["FirstSeen"] = contact.FirstSeen,
        ["LastSeen"] = contact.LastSeen,
    };

    public static TableEntity ToAadIndex(MemberContact contact, string aadObjectId) =>
        new(Partition(contact.TenantId), AadIndexRow(aadObjectId)) { ["UserId"] = contact.UserId };

    public static TableEntity ToEmailIndex(MemberContact contact, string email) =>
        new(Partition(contact.TenantId), EmailIndexRow(email)) { ["UserId"] = contact.UserId };

    public static MemberContact ToContact(TableEntity entity) => new(
        TenantId: KeyEncoder.Decode(entity.PartitionKey),
        UserId: KeyEncoder.Split(entity.RowKey)[1],
        AadObjectId: entity.GetString("AadObjectId"),
        Name: entity.GetString("Name"),
        ChannelId: entity.GetString("ChannelId") ?? "",
        ServiceUrl: entity.GetString("ServiceUrl") ?? "",
        PersonalConversationId: entity.GetString("PersonalConversationId"),
        FirstSeen: entity.GetDateTimeOffset("FirstSeen") ?? default,
        LastSeen: entity.GetDateTimeOffset("LastSeen") ?? default)
    {
        Email = entity.GetString("Email"),
        UserPrincipalName = entity.GetString("UserPrincipalName"),
    };
}
