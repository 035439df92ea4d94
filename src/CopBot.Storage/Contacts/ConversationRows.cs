using Azure.Data.Tables;
using CopBot.Community;

namespace CopBot.Storage;

/// <summary>
/// Rows of the conversations table: partition = conversation id, one fixed row. Conversations are only ever read by
/// id, so a point read suffices, and spreading them over partitions avoids one hot partition for the whole bot.
/// </summary>
internal static class ConversationRows
{
    public const string Row = "conversation";

    public static string Partition(string conversationId) => KeyEncoder.Encode(conversationId);

    public static TableEntity ToEntity(ConversationContact contact) => new(Partition(contact.ConversationId), Row)
    {
        ["ChannelId"] = contact.ChannelId,
        ["ServiceUrl"] = contact.ServiceUrl,
        ["ConversationType"] = contact.ConversationType,
        ["TenantId"] = contact.TenantId,
        ["TeamId"] = contact.TeamId,
        ["TeamName"] = contact.TeamName,
        ["BotId"] = contact.BotId,
        ["BotName"] = contact.BotName,
        ["FirstSeen"] = contact.FirstSeen,
        ["LastSeen"] = contact.LastSeen,
    };

    public static ConversationContact ToContact(TableEntity entity) => new(
        ChannelId: entity.GetString("ChannelId") ?? "",
        ServiceUrl: entity.GetString("ServiceUrl") ?? "",
        ConversationId: KeyEncoder.Decode(entity.PartitionKey),
        ConversationType: entity.GetString("ConversationType") ?? "",
        TenantId: entity.GetString("TenantId"),
        TeamId: entity.GetString("TeamId"),
        TeamName: entity.GetString("TeamName"),
        BotId: entity.GetString("BotId"),
        BotName: entity.GetString("BotName"),
        FirstSeen: entity.GetDateTimeOffset("FirstSeen") ?? default,
        LastSeen: entity.GetDateTimeOffset("LastSeen") ?? default);
}
