using System.Text.Json;
using System.Text.Json.Serialization;

namespace CopBot.Protocol;

/// <summary>The body of <c>POST v3/conversations</c>: who talks, where, and optionally the first activity.</summary>
public sealed class ConversationParameters
{
    public bool? IsGroup { get; set; }

    public ChannelAccount? Bot { get; set; }

    public IReadOnlyList<ChannelAccount>? Members { get; set; }

    public string? TopicName { get; set; }

    public string? TenantId { get; set; }

    public Activity? Activity { get; set; }

    public JsonElement? ChannelData { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }

    /// <summary>
    /// A Teams 1:1 chat between the bot and one user (<c>29:…</c> id). Teams wants the tenant both as
    /// <c>tenantId</c> and in <c>channelData.tenant.id</c>; the app must already be installed for that user.
    /// </summary>
    public static ConversationParameters ForPersonalChat(ChannelAccount bot, ChannelAccount user, string tenantId)
    {
        ArgumentNullException.ThrowIfNull(bot);
        ArgumentNullException.ThrowIfNull(user);
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        return new ConversationParameters
        {
            IsGroup = false,
            Bot = new ChannelAccount { Id = bot.Id, Name = bot.Name },
            Members = [new ChannelAccount { Id = user.Id }],
            TenantId = tenantId,
            ChannelData = new TeamsChannelData { Tenant = new TenantInfo { Id = tenantId } }.ToJsonElement(),
        };
    }
}
