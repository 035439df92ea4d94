using System.Text.Json;
using System.Text.Json.Nodes;
using CopBot.Protocol;

namespace CopBot.Protocol.Tests;

public class ActivityTests
{
    private const string BotId = "28:b5d2f0e4-8c1a-4f3b-9e6d-7a2c1b0f9e8d";
    private const string UserId = "29:1GcS4EN9ej2pvwTJa5mT8X9zj8MbqKzrBqGHnAuRxY0sTuNpL2QHwsXJD3rHdkY-nr7XmEaCGEDcTeGeUC6o9Fw";
    private const string TenantId = "6e3a9f1c-2b47-4d8a-9c5e-0f1d2a3b4c5d";

    public static TheoryData<string> Payloads => [.. Payload.All];

    [Theory]
    [MemberData(nameof(Payloads))]
    public void Serialize_ParsedTeamsPayload_KeepsEveryField(string name)
    {
        var original = Payload.Read(name);

        var activity = JsonSerializer.Deserialize<Activity>(original, ProtocolJson.Options)!;
        var written = JsonSerializer.Serialize(activity, ProtocolJson.Options);

        JsonAssert.Equivalent(original, written);
    }

    [Fact]
    public void Deserialize_ChannelMessage_ReadsTypedFields()
    {
        var activity = Payload.Parse(Payload.ChannelMention);

        Assert.Equal(ActivityTypes.Message, activity.Type);
        Assert.Equal("1741684467331", activity.Id);
        Assert.Equal(new DateTimeOffset(2025, 3, 11, 9, 14, 27, TimeSpan.Zero).AddTicks(3310951), activity.Timestamp);
        Assert.Equal(TimeSpan.FromHours(1), activity.LocalTimestamp!.Value.Offset);
        Assert.Equal("Europe/Paris", activity.LocalTimezone);
        Assert.Equal("https://smba.trafficmanager.net/emea/", activity.ServiceUrl);
        Assert.Equal("msteams", activity.ChannelId);
        Assert.Equal("Ada Lovelace", activity.From!.Name);
        Assert.Equal("3f6c9b1e-5a2d-4c8b-a1e7-9d0f2b4c6e81", activity.From.AadObjectId);
        Assert.Equal(BotId, activity.Recipient!.Id);
        Assert.True(activity.Conversation!.IsGroup);
        Assert.Equal(ConversationTypes.Channel, activity.Conversation.ConversationType);
        Assert.Equal(TenantId, activity.Conversation.TenantId);
        Assert.Equal("plain", activity.TextFormat);
        Assert.Equal("en-US", activity.Locale);
        Assert.Equal("text/html", Assert.Single(activity.Attachments!).ContentType);
        Assert.Equal(3, activity.Entities!.Count);
        Assert.Equal(BotId, activity.Entities[0].Mentioned!.Id);
        Assert.Equal("<at>CopBot</at>", activity.Entities[0].Text);
        Assert.Equal("Europe/Paris", activity.Entities[2].Extra!["timezone"].GetString());
    }

    [Fact]
    public void Deserialize_PersonalMessage_ReadsTypedFields()
    {
        var activity = Payload.Parse(Payload.Personal);

        Assert.Equal("help", activity.Text);
        Assert.Equal(ConversationTypes.Personal, activity.Conversation!.ConversationType);
        Assert.Null(activity.Conversation.IsGroup);
        Assert.StartsWith("a:", activity.Conversation.Id, StringComparison.Ordinal);
        Assert.Equal("en-GB", activity.Locale);
        Assert.Equal(UserId, activity.From!.Id);
        Assert.Equal(Entity.ClientInfoType, Assert.Single(activity.Entities!).Type);
    }

    [Fact]
    public void Deserialize_BotAddedToTeam_ReadsMembersAdded()
    {
        var activity = Payload.Parse(Payload.BotAddedToTeam);

        Assert.Equal(ActivityTypes.ConversationUpdate, activity.Type);
        Assert.Equal(BotId, Assert.Single(activity.MembersAdded!).Id);
        Assert.Null(activity.MembersRemoved);
        Assert.Equal("Data Engineering", activity.Conversation!.Name);
    }

    [Fact]
    public void Deserialize_InstallationUpdate_ReadsAction()
    {
        var activity = Payload.Parse(Payload.InstallationAdd);

        Assert.Equal(ActivityTypes.InstallationUpdate, activity.Type);
        Assert.Equal("add", activity.Action);
        Assert.Equal("en-US", activity.Locale);
    }

    [Fact]
    public void Deserialize_CardActionInvoke_ReadsNameValueAndReplyTo()
    {
        var activity = Payload.Parse(Payload.CardActionInvoke);

        Assert.Equal(ActivityTypes.Invoke, activity.Type);
        Assert.Equal("adaptiveCard/action", activity.Name);
        Assert.Equal("1741684805420", activity.ReplyToId);
        Assert.Equal(JsonValueKind.Object, activity.Value!.Value.ValueKind);
    }

    [Fact]
    public void Deserialize_MessageReaction_ReadsReactionsAndKeepsLegacyField()
    {
        var activity = Payload.Parse(Payload.Reaction);

        Assert.Equal(ActivityTypes.MessageReaction, activity.Type);
        Assert.Equal("like", Assert.Single(activity.ReactionsAdded!).Type);
        Assert.Equal("1741684470112", activity.ReplyToId);
        Assert.True(activity.Extra!.ContainsKey("legacy"));
    }

    [Fact]
    public void Deserialize_ActionSubmit_ReadsValueWithoutText()
    {
        var activity = Payload.Parse(Payload.ActionSubmit);

        Assert.Equal(ActivityTypes.Message, activity.Type);
        Assert.Null(activity.Text);
        Assert.Equal("help.show", activity.Value!.Value.GetProperty("verb").GetString());
        Assert.Equal("How do I join a community?", activity.Value.Value.GetProperty("question").GetString());
    }

    [Fact]
    public void Serialize_UnsetFields_AreLeftOut()
    {
        var json = JsonSerializer.Serialize(Activity.CreateMessage("hi"), ProtocolJson.Options);

        Assert.Equal("""{"type":"message","text":"hi"}""", json);
    }

    [Fact]
    public void CreateMessage_Text_IsMessageWithText()
    {
        var message = Activity.CreateMessage("Hello there");

        Assert.Equal(ActivityTypes.Message, message.Type);
        Assert.Equal("Hello there", message.Text);
        Assert.Null(message.Attachments);
    }

    [Fact]
    public void CreateAdaptiveCardMessage_Card_SerialisesCardExactly()
    {
        const string card = """{"type":"AdaptiveCard","$schema":"http://adaptivecards.io/schemas/adaptive-card.json","version":"1.5","body":[{"type":"TextBlock","text":"Hi","wrap":true,"fallbackText":null}],"actions":[{"type":"Action.Execute","verb":"help.show","data":{"Command":"ask"}}]}""";
        using var document = JsonDocument.Parse(card);

        var message = Activity.CreateAdaptiveCardMessage(document.RootElement, "Help");
        var json = JsonNode.Parse(JsonSerializer.Serialize(message, ProtocolJson.Options))!;

        Assert.Equal("Help", json["summary"]!.GetValue<string>());
        Assert.Equal(ContentTypes.AdaptiveCard, json["attachments"]![0]!["contentType"]!.GetValue<string>());
        Assert.Equal(card, json["attachments"]![0]!["content"]!.ToJsonString());
    }
}
