using System.Text.Json;
using System.Text.Json.Serialization;

namespace CopBot.Protocol;

/// <summary>The conversation an activity belongs to: a 1:1 chat, a group chat or a channel (thread).</summary>
public sealed class ConversationAccount
{
    /// <summary>In a channel this is the thread: <c>{channelId};messageid={rootActivityId}</c> (see <see cref="TeamsThread"/>).</summary>
    public string? Id { get; set; }

    public string? Name { get; set; }

    public bool? IsGroup { get; set; }

    /// <summary>One of <see cref="ConversationTypes"/>.</summary>
    public string? ConversationType { get; set; }

    public string? TenantId { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}
