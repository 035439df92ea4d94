namespace CopBot.Cards.Tests;

public sealed class CardInputTests
{
    [Fact]
    public void Ctor_BlankId_ThrowsForEveryInput()
    {
        Assert.ThrowsAny<ArgumentException>(() => new TextInput(" "));
        Assert.ThrowsAny<ArgumentException>(() => new DateInput(""));
        Assert.ThrowsAny<ArgumentException>(() => new NumberInput(" "));
        Assert.ThrowsAny<ArgumentException>(() => new ChoiceSetInput("\t", [new Choice("A", "a")]));
    }

    [Fact]
    public void Ctor_Id_IsWrittenAsTheElementId()
    {
        var json = CardJson.ToJsonElement(new AdaptiveCard { Body = [new DateInput("due")] });

        Assert.Equal("due", json.GetProperty("body")[0].GetProperty("id").GetString());
        Assert.Equal("Input.Date", json.GetProperty("body")[0].GetProperty("type").GetString());
    }

    [Fact]
    public void NumberInput_WritesTypeBoundsAndValue()
    {
        var json = CardJson.ToJsonElement(new AdaptiveCard { Body = [new NumberInput("max") { Min = 0, Max = 100, Value = 3 }] }).GetProperty("body")[0];

        Assert.Equal("Input.Number", json.GetProperty("type").GetString());
        Assert.Equal((0, 100, 3), (json.GetProperty("min").GetDouble(), json.GetProperty("max").GetDouble(), json.GetProperty("value").GetDouble()));
    }

    [Fact]
    public void ActionSet_WritesItsActionsInTheBody()
    {
        var json = CardJson.ToJsonElement(new AdaptiveCard { Body = [new ActionSet([new ExecuteAction("Helpful", "x.rate")])] }).GetProperty("body")[0];

        Assert.Equal("ActionSet", json.GetProperty("type").GetString());
        Assert.Equal("x.rate", json.GetProperty("actions")[0].GetProperty("verb").GetString());
    }
}
