using System.Text.Json;
using System.Text.Json.Serialization;

namespace CopBot.Protocol;

/// <summary>One page of a conversation's roster; ask again with <see cref="ContinuationToken"/> until it is null.</summary>
public sealed class PagedMembersResult
{
    public IReadOnlyList<TeamsChannelAccount>? Members { get; set; }

    public string? ContinuationToken { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}
