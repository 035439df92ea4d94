using System.Text.Json;
using CopBot.Protocol;

namespace CopBot.Protocol.Tests;

public class InvokeResponseTests
{
    private static readonly JsonSerializerOptions PascalCase = new() { PropertyNamingPolicy = null };

    [Fact]
    public void Card_AdaptiveCard_BuildsTeamsCardBody()
    {
        using var card = JsonDocument.Parse("""{"type":"AdaptiveCard","version":"1.5","body":[{"type":"TextBlock","text":"Done"}]}""");

        var response = InvokeResponse.Card(card.RootElement);

        Assert.Equal(200, response.Status);
        JsonAssert.Equivalent(
            """{"statusCode":200,"type":"application/vnd.microsoft.card.adaptive","value":{"type":"AdaptiveCard","version":"1.5","body":[{"type":"TextBlock","text":"Done"}]}}""",
            JsonSerializer.Serialize(response.Body));
    }

    [Fact]
    public void Message_Text_BuildsTeamsMessageBody()
    {
        var response = InvokeResponse.Message("Saved.");

        Assert.Equal(200, response.Status);
        JsonAssert.Equivalent(
            """{"statusCode":200,"type":"application/vnd.microsoft.activity.message","value":"Saved."}""",
            JsonSerializer.Serialize(response.Body));
    }

    [Fact]
    public void Error_BadRequest_BuildsTeamsErrorBodyWithStatusName()
    {
        var response = InvokeResponse.Error(400, "That request is closed.");

        Assert.Equal(200, response.Status);
        JsonAssert.Equivalent(
            """{"statusCode":400,"type":"application/vnd.microsoft.error","value":{"code":"BadRequest","message":"That request is closed."}}""",
            JsonSerializer.Serialize(response.Body));
    }

    [Fact]
    public void Error_ExplicitCode_UsesIt()
    {
        var body = (JsonElement)InvokeResponse.Error(403, "Only owners can close.", "NotOwner").Body!;

        Assert.Equal(403, body.GetProperty("statusCode").GetInt32());
        Assert.Equal("NotOwner", body.GetProperty("value").GetProperty("code").GetString());
    }

    [Fact]
    public void Body_AnySerializerOptions_KeepsTeamsPropertyNames()
    {
        var json = JsonSerializer.Serialize(InvokeResponse.Message("x").Body, PascalCase);

        Assert.Contains("\"statusCode\":200", json, StringComparison.Ordinal);
    }
}
