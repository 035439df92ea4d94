using System.Text;
using System.Text.Json;

namespace CopBot.Cards.Tests;

public sealed class CardJsonTests
{
    private static readonly AdaptiveCard Card = new()
    {
        Body = [new TextBlock("Grüße <3 — 日本語 🙂") { Wrap = true }],
        Actions = [new OpenUrlAction("Docs", new Uri("https://learn.microsoft.com/?a=1&b=2"))],
    };

    [Fact]
    public void Serialize_Card_StartsWithTypeThenSchemaThenVersion()
    {
        var json = CardJson.Serialize(Card);

        Assert.StartsWith("""{"type":"AdaptiveCard","$schema":"http://adaptivecards.io/schemas/adaptive-card.json","version":"1.5",""", json);
    }

    [Fact]
    public void Serialize_NonAsciiAndHtmlCharacters_WritesThemUnescaped()
    {
        var json = CardJson.Serialize(Card);

        // Characters outside the BMP (emoji) are still \u-escaped by the relaxed encoder; that is valid JSON.
        Assert.Contains("Grüße <3 — 日本語 ", json);
        Assert.Contains("https://learn.microsoft.com/?a=1&b=2", json);
        Assert.Equal("Grüße <3 — 日本語 🙂", CardJson.ToJsonElement(Card).GetProperty("body")[0].GetProperty("text").GetString());
    }

    [Fact]
    public void Serialize_UnsetOptionalProperties_OmitsThem()
    {
        var json = CardJson.Serialize(new AdaptiveCard { Body = [new TextBlock("Hi")] });

        Assert.DoesNotContain("null", json);
        Assert.Contains("""{"type":"TextBlock","text":"Hi"}""", json);
    }

    [Fact]
    public void ToJsonElement_Card_EqualsSerializedJson()
    {
        var element = CardJson.ToJsonElement(Card);

        using var expected = JsonDocument.Parse(CardJson.Serialize(Card));
        Assert.True(JsonElement.DeepEquals(expected.RootElement, element));
        Assert.Equal("AdaptiveCard", element.GetProperty("type").GetString());
    }

    [Fact]
    public void SizeInBytes_NonAsciiText_CountsUtf8Bytes()
    {
        var size = CardJson.SizeInBytes(Card);

        Assert.Equal(Encoding.UTF8.GetByteCount(CardJson.Serialize(Card)), size);
        Assert.True(size > CardJson.Serialize(Card).Length, "multi-byte characters must count for more than one byte");
    }

    [Fact]
    public void Serialize_NullCard_ThrowsArgumentNullException()
    {
        Assert.Throws<ArgumentNullException>(() => CardJson.Serialize(null!));
    }

    [Fact]
    public void MaxBytes_TeamsLimit_Is28KiB()
    {
        Assert.Equal(28_672, CardLimits.MaxBytes);
    }
}
