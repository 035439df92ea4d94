namespace CopBot.Cards.Tests;

public sealed class CardInputTests
{
    [Fact]
    public void Ctor_BlankId_ThrowsForEveryInput()
    {
        Assert.ThrowsAny<ArgumentException>(() => new TextInput(" "));
        Assert.ThrowsAny<ArgumentException>(() => new DateInput(""));
        Assert.ThrowsAny<ArgumentException>(() => new ChoiceSetInput("\t", [new Choice("A", "a")]));
    }

    [Fact]
    public void Ctor_Id_IsWrittenAsTheElementId()
    {
        var json = CardJson.ToJsonElement(new AdaptiveCard { Body = [new DateInput("due")] });

        Assert.Equal("due", json.GetProperty("body")[0].GetProperty("id").GetString());
        Assert.Equal("Input.Date", json.GetProperty("body")[0].GetProperty("type").GetString());
    }
}
