using System.Text.Json;
using System.Text.Json.Serialization;

namespace CopBot.Protocol;

/// <summary>The Teams part of <see cref="Activity.ChannelData"/>: tenant, team, channel and the event that happened.</summary>
public sealed class TeamsChannelData
{
    public TenantInfo? Tenant { get; set; }

    public TeamInfo? Team { get; set; }

    /// <summary>The Teams channel (inside <see cref="Team"/>) the activity happened in.</summary>
    public ChannelInfo? Channel { get; set; }

    /// <summary>For conversationUpdate: <c>teamMemberAdded</c>, <c>channelCreated</c>, <c>teamRenamed</c>, …</summary>
    public string? EventType { get; set; }

    public TeamsChannelDataSettings? Settings { get; set; }

    public NotificationInfo? Notification { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }

    /// <summary>As raw JSON, to put on an outgoing <see cref="Activity.ChannelData"/> or <see cref="ConversationParameters.ChannelData"/>.</summary>
    public JsonElement ToJsonElement() => JsonSerializer.SerializeToElement(this, ProtocolJson.Options);
}

public sealed class TenantInfo
{
    public string? Id { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}

public sealed class TeamInfo
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    /// <summary>The team's Microsoft 365 group id, what Graph calls the team id.</summary>
    public string? AadGroupId { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}

public sealed class ChannelInfo
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}

public sealed class TeamsChannelDataSettings
{
    /// <summary>On install into a team: the channel the user picked for the bot.</summary>
    public ChannelInfo? SelectedChannel { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}

public sealed class NotificationInfo
{
    /// <summary>On an outgoing message: true to raise a notification in the user's activity feed.</summary>
    public bool? Alert { get; set; }

    public bool? AlertInMeeting { get; set; }

    public string? ExternalResourceUrl { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}
