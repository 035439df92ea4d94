using System.Text.Json;
using System.Text.Json.Serialization;

namespace CopBot.Protocol;

/// <summary>What the connector answers to a send, reply or update: the id of the activity it stored.</summary>
public sealed class ResourceResponse
{
    public string? Id { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}
