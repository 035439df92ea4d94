using System.Text.Json;
using CopBot.Testing;

namespace CopBot.Cards.Tests;

public sealed class AdaptiveCardTests
{
    private static string Golden(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Golden", name));

    [Fact]
    public void Serialize_EveryElementAndAction_MatchesGoldenJson()
    {
        var json = CardJson.Serialize(EveryElementCard.Build());

        CardAssert.JsonEqual(Golden("every-element.json"), json);
    }

    [Fact]
    public void Serialize_EveryElementAndAction_WritesTypeFirstInEveryObject()
    {
        using var document = JsonDocument.Parse(CardJson.Serialize(EveryElementCard.Build()));

        CardAssert.TypeFirstEverywhere(document.RootElement);
    }

    [Fact]
    public void Serialize_EveryElementAndAction_PassesOfficialParser()
    {
        var result = AdaptiveCardValidator.Validate(CardJson.Serialize(EveryElementCard.Build()), "every-element");

        Assert.True(result.IsClean, result.ToString());
    }

    [Fact]
    public void Serialize_EmptyCard_WritesOnlyTypeSchemaAndVersion()
    {
        var json = CardJson.Serialize(new AdaptiveCard());

        Assert.Equal(
            """{"type":"AdaptiveCard","$schema":"http://adaptivecards.io/schemas/adaptive-card.json","version":"1.5"}""",
            json);
    }

    [Fact]
    public void Version_RootCard_IsTheHighestSchemaTeamsRenders()
    {
        var card = new AdaptiveCard();

        Assert.Equal("1.5", card.Version);
        Assert.Equal(AdaptiveCard.SchemaUrl, card.Schema);
    }
}
