namespace CopBot.Cards.Tests;

public sealed class ShowCardActionTests
{
    [Fact]
    public void Serialize_NestedCard_HasTypeButNoSchemaOrVersion()
    {
        var card = new AdaptiveCard { Actions = [new ShowCardAction("More", new AdaptiveCard { Body = [new TextBlock("Details")] })] };

        var nested = CardJson.ToJsonElement(card).GetProperty("actions")[0].GetProperty("card");

        Assert.Equal("AdaptiveCard", nested.GetProperty("type").GetString());
        Assert.False(nested.TryGetProperty("$schema", out _));
        Assert.False(nested.TryGetProperty("version", out _));
    }

    [Fact]
    public void Ctor_NestedCardWithRootOnlyOptions_DropsThem()
    {
        var inner = new AdaptiveCard
        {
            Refresh = new CardRefresh(new ExecuteAction("Refresh", "card.refresh"), ["29:a"]),
            MsTeams = TeamsCardOptions.FullWidth,
            FallbackText = "kept",
        };

        var action = new ShowCardAction("More", inner);

        Assert.Null(action.Card.Refresh);
        Assert.Null(action.Card.MsTeams);
        Assert.Equal("kept", action.Card.FallbackText);
        Assert.Equal("1.5", inner.Version);
    }
}
