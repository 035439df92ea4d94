using System.Text.Json;

namespace CopBot.Cards.Tests;

public sealed class ExecuteActionTests
{
    private static JsonElement FirstAction(CardAction action) =>
        CardJson.ToJsonElement(new AdaptiveCard { Actions = [action] }).GetProperty("actions")[0];

    [Fact]
    public void Serialize_WithData_WritesSubmitFallbackWithVerbFirstThenData()
    {
        var action = new ExecuteAction("Answer", "request.answer")
        {
            Data = new Dictionary<string, string> { ["requestId"] = "r-7", ["mode"] = "consult" },
        };

        var fallback = FirstAction(action).GetProperty("fallback");

        Assert.Equal("Action.Submit", fallback.GetProperty("type").GetString());
        Assert.Equal("Answer", fallback.GetProperty("title").GetString());
        Assert.Equal(
            [("verb", "request.answer"), ("requestId", "r-7"), ("mode", "consult")],
            fallback.GetProperty("data").EnumerateObject().Select(p => (p.Name, p.Value.GetString())).ToArray());
    }

    [Fact]
    public void Serialize_WithData_KeepsExecuteDataWithoutVerb()
    {
        var action = new ExecuteAction("Answer", "request.answer") { Data = new Dictionary<string, string> { ["requestId"] = "r-7" } };

        var json = FirstAction(action);

        Assert.Equal("request.answer", json.GetProperty("verb").GetString());
        Assert.False(json.GetProperty("data").TryGetProperty("verb", out _));
    }

    [Fact]
    public void Serialize_WithoutData_FallbackDataHoldsOnlyTheVerb()
    {
        var fallback = FirstAction(new ExecuteAction("Help", CardVerbs.HelpShow)).GetProperty("fallback");

        var data = fallback.GetProperty("data").EnumerateObject().ToList();
        Assert.Single(data);
        Assert.Equal(CardVerbs.HelpShow, data[0].Value.GetString());
        Assert.Equal(CardDataKeys.Verb, data[0].Name);
    }

    [Fact]
    public void Fallback_StyleAndAssociatedInputs_CopiedToSubmit()
    {
        var action = new ExecuteAction("Cancel", "request.cancel") { Style = ActionStyle.Destructive, AssociatedInputs = AssociatedInputs.None };

        var fallback = action.Fallback;

        Assert.NotNull(fallback);
        Assert.Equal(ActionStyle.Destructive, fallback.Style);
        Assert.Equal(AssociatedInputs.None, fallback.AssociatedInputs);
    }

    [Fact]
    public void Fallback_IncludeSubmitFallbackOff_IsNotWritten()
    {
        var action = new ExecuteAction("Refresh", "card.refresh") { IncludeSubmitFallback = false };

        Assert.Null(action.Fallback);
        Assert.False(FirstAction(action).TryGetProperty("fallback", out _));
    }

    [Fact]
    public void Data_ContainsReservedVerbKey_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(() => new ExecuteAction("Go", "go") { Data = new Dictionary<string, string> { ["verb"] = "other" } });
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void Ctor_BlankVerb_ThrowsArgumentException(string verb)
    {
        Assert.ThrowsAny<ArgumentException>(() => new ExecuteAction("Go", verb));
    }
}
