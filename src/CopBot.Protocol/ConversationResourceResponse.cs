using System.Text.Json;
using System.Text.Json.Serialization;

namespace CopBot.Protocol;

/// <summary>What the connector answers to a create-conversation call.</summary>
public sealed class ConversationResourceResponse
{
    /// <summary>The new (or existing 1:1) conversation's id.</summary>
    public string? Id { get; set; }

    public string? ServiceUrl { get; set; }

    /// <summary>The id of the first activity, when one was sent with the request.</summary>
    public string? ActivityId { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}
