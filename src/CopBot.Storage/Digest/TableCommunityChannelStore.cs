using Azure;
using Azure.Data.Tables;
using CopBot.Community;

namespace CopBot.Storage;

/// <summary>Community channels: partition community, one fixed row, written once (insert-if-absent).</summary>
public sealed class TableCommunityChannelStore(CopBotTables tables) : ICommunityChannelStore
{
    private const string Row = "channel";

    public async Task<CommunityChannel> RecordIfAbsentAsync(CommunityChannel channel, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);
        try
        {
            await tables.CommunityChannels.AddEntityAsync(ToEntity(channel), cancellationToken);
            return channel;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return await GetAsync(channel.Community, cancellationToken)
                ?? throw new InvalidOperationException($"The channel of community {channel.Community} exists but could not be read.");
        }
    }

    public async Task<CommunityChannel?> GetAsync(string community, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(community);
        var stored = await tables.CommunityChannels.GetEntityIfExistsAsync<TableEntity>(KeyEncoder.Encode(community), Row, cancellationToken: cancellationToken);
        return stored.HasValue ? ToChannel(stored.Value!) : null;
    }

    private static TableEntity ToEntity(CommunityChannel channel) => new(KeyEncoder.Encode(channel.Community), Row)
    {
        ["ChannelId"] = channel.ChannelId,
        ["ServiceUrl"] = channel.ServiceUrl,
        ["ConversationId"] = channel.ConversationId,
        ["TenantId"] = channel.TenantId,
        ["TeamName"] = channel.TeamName,
        ["BotId"] = channel.BotId,
        ["BotName"] = channel.BotName,
        ["RecordedAt"] = channel.RecordedAt,
    };

    private static CommunityChannel ToChannel(TableEntity entity) => new(
        KeyEncoder.Decode(entity.PartitionKey),
        entity.GetString("ChannelId") ?? "",
        entity.GetString("ServiceUrl") ?? "",
        entity.GetString("ConversationId") ?? "",
        entity.GetString("TenantId"),
        entity.GetString("TeamName"),
        entity.GetString("BotId"),
        entity.GetString("BotName"),
        entity.GetDateTimeOffset("RecordedAt") ?? default);
}
