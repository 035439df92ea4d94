using System.Text.Json;
using CopBot.Protocol;

namespace CopBot.Protocol.Tests;

public class AdaptiveCardInvokeValueTests
{
    [Fact]
    public void FromActivity_ActionExecuteInvoke_ReadsVerbDataAndTrigger()
    {
        var value = AdaptiveCardInvokeValue.FromActivity(Payload.Parse(Payload.CardActionInvoke))!;

        Assert.Equal("Action.Execute", value.Action!.Type);
        Assert.Equal("help.show", value.Action.Verb);
        Assert.Equal("Ask", value.Action.Title);
        Assert.Equal("ask", value.Action.Data!.Value.GetProperty("command").GetString());
        Assert.Equal("from the help card", value.Action.Data.Value.GetProperty("note").GetString());
        Assert.Equal("manual", value.Trigger);
    }

    [Fact]
    public void FromActivity_ActionSubmitMessage_ReturnsNull()
    {
        Assert.Null(AdaptiveCardInvokeValue.FromActivity(Payload.Parse(Payload.ActionSubmit)));
    }

    [Fact]
    public void FromActivity_OtherInvokeName_ReturnsNull()
    {
        var activity = Payload.Parse(Payload.CardActionInvoke);
        activity.Name = "task/fetch";

        Assert.Null(AdaptiveCardInvokeValue.FromActivity(activity));
    }

    [Fact]
    public void FromActivity_MalformedAction_ReturnsNull()
    {
        var activity = Payload.Parse(Payload.CardActionInvoke);
        activity.Value = JsonSerializer.SerializeToElement(new { action = "not an object" });

        Assert.Null(AdaptiveCardInvokeValue.FromActivity(activity));
    }

    [Fact]
    public void FromActivity_UnknownValueFields_KeptInExtra()
    {
        var activity = Payload.Parse(Payload.CardActionInvoke);
        activity.Value = JsonSerializer.SerializeToElement(new { action = new { type = "Action.Execute", verb = "refresh" }, trigger = "automatic", state = "123456" });

        var value = AdaptiveCardInvokeValue.FromActivity(activity)!;

        Assert.Equal("refresh", value.Action!.Verb);
        Assert.Null(value.Action.Data);
        Assert.Equal("123456", value.Extra!["state"].GetString());
    }
}
