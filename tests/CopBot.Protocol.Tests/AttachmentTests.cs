using System.Text.Json;
using System.Text.Json.Nodes;
using CopBot.Protocol;

namespace CopBot.Protocol.Tests;

public class AttachmentTests
{
    [Fact]
    public void AdaptiveCard_CardFromJsonNode_IsWrittenUnchanged()
    {
        var card = new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["version"] = "1.5",
            ["body"] = new JsonArray(new JsonObject { ["type"] = "TextBlock", ["Text"] = "Kept as written", ["isSubtle"] = null }),
        };

        var attachment = Attachment.AdaptiveCard(JsonSerializer.SerializeToElement(card));
        var json = JsonNode.Parse(JsonSerializer.Serialize(attachment, ProtocolJson.Options))!;

        Assert.Equal(ContentTypes.AdaptiveCard, json["contentType"]!.GetValue<string>());
        Assert.Equal(card.ToJsonString(), json["content"]!.ToJsonString());
    }

    [Fact]
    public void Deserialize_HtmlAttachment_KeepsStringContent()
    {
        var attachment = JsonSerializer.Deserialize<Attachment>("""{"contentType":"text/html","content":"<p>help</p>"}""", ProtocolJson.Options)!;

        Assert.Equal("text/html", attachment.ContentType);
        Assert.Equal("<p>help</p>", attachment.Content!.Value.GetString());
    }
}
