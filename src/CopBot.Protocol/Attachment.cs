using System.Text.Json;
using System.Text.Json.Serialization;

namespace CopBot.Protocol;

/// <summary>
/// A card or file on an activity. <see cref="Content"/> is kept as raw JSON so a card built elsewhere is sent
/// byte-for-byte as its serialiser wrote it, whatever naming rules our own options apply.
/// </summary>
public sealed class Attachment
{
    public string? ContentType { get; set; }

    public string? ContentUrl { get; set; }

    public JsonElement? Content { get; set; }

    public string? Name { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }

    public static Attachment AdaptiveCard(JsonElement card) => new() { ContentType = ContentTypes.AdaptiveCard, Content = card };
}
