using System.Text.Json;
using System.Text.Json.Serialization;

namespace CopBot.Protocol;

/// <summary>A user or bot on the channel. In Teams, users are <c>29:…</c> and bots <c>28:{appId}</c>.</summary>
public sealed class ChannelAccount
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    /// <summary>The user's Entra object id; stable across bots, unlike <see cref="Id"/>.</summary>
    public string? AadObjectId { get; set; }

    /// <summary><c>user</c> or <c>bot</c>, when the channel says.</summary>
    public string? Role { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}
