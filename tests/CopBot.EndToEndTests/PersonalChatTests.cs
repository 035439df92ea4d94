using System.Text.Json.Nodes;
using CopBot.EndToEndTests.Support;
using CopBot.Testing;

namespace CopBot.EndToEndTests;

/// <summary>The 1:1 chat between the current user and CopBot, through the real Agents Playground.</summary>
[Collection(AzuriteFixture.Collection)]
public sealed class PersonalChatTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Install_PersonalChat_WelcomeCardArrivesAndIsValid()
    {
        await using var e2e = await EndToEndHarness.StartAsync(azurite);
        var chat = e2e.Tenant.PersonalChatId;

        await e2e.InstallAsync(chat);

        var welcome = await e2e.WaitForBotMessageAsync(m => m.ConversationId == chat && m.Cards.Count > 0);
        Assert.Equal(e2e.Tenant.BotId, welcome.FromId);
        var card = Assert.Single(welcome.Cards);
        var texts = CardAssert.Texts(card);
        Assert.StartsWith("Hi", texts[0], StringComparison.Ordinal);
        Assert.Contains("CopBot", texts[0], StringComparison.Ordinal);
        Assert.Contains("Four ways to ask", texts);
        Assert.All(new[] { "query", "discuss", "consult", "collaborate" }, m => Assert.Contains(m, texts));
        Assert.Contains(CardAssert.ExecuteActions(card), a => (string?)a["title"] == "All commands");
        CardAssert.Valid(card, "personal welcome");
    }

    [Fact]
    public async Task Send_HelpInPersonalChat_RepliesWithHelpCard()
    {
        await using var e2e = await EndToEndHarness.StartAsync(azurite);
        var chat = e2e.Tenant.PersonalChatId;

        await e2e.SendAsync(chat, "help", mentionBot: false);

        var reply = await e2e.WaitForBotMessageAsync(m => m.ConversationId == chat && m.Cards.Count > 0);
        var card = Assert.Single(reply.Cards);
        var texts = CardAssert.Texts(card);
        Assert.Equal("CopBot commands", texts[0]);
        Assert.All(new[] { "query", "discuss", "consult", "collaborate", "profile", "synthesize", "help" }, c => Assert.Contains(c, texts));
        Assert.Equal(4, CardAssert.ExecuteActions(card).Count);
        CardAssert.Valid(card, "help");
    }

    [Fact]
    public async Task Invoke_HelpShowQueryOnHelpCard_ReturnsValidQueryTopicCard()
    {
        await using var e2e = await EndToEndHarness.StartAsync(azurite);
        var chat = e2e.Tenant.PersonalChatId;
        await e2e.SendAsync(chat, "help", mentionBot: false);
        var help = await e2e.WaitForBotMessageAsync(m => m.ConversationId == chat && m.Cards.Count > 0);
        // The button the user would press: the help card must really carry it.
        var button = Assert.Single(CardAssert.ExecuteActions(help.Cards[0]), a => (string?)a["data"]?["command"] == "query");
        Assert.Equal("help.show", (string?)button["verb"]);

        var result = await e2e.InvokeAsync(chat, help.MessageId, "help.show", new JsonObject { ["command"] = "query" });

        Assert.Equal(PlaygroundMessage.AdaptiveCardType, (string?)result["type"]);
        var card = Assert.IsType<JsonObject>(result["value"]);
        var texts = CardAssert.Texts(card);
        Assert.Equal("query", texts[0]);
        Assert.Contains("Example", texts);
        Assert.Contains(texts, t => t.StartsWith("Write your question after the word query", StringComparison.Ordinal));
        Assert.Contains(CardAssert.ExecuteActions(card), a => (string?)a["verb"] == "help.back");
        CardAssert.Valid(card, "help topic query");
    }

    [Fact]
    public async Task Invoke_AllCommandsOnWelcomeCard_ReturnsValidHelpCard()
    {
        await using var e2e = await EndToEndHarness.StartAsync(azurite);
        var chat = e2e.Tenant.PersonalChatId;
        await e2e.InstallAsync(chat);
        var welcome = await e2e.WaitForBotMessageAsync(m => m.ConversationId == chat && m.Cards.Count > 0);
        var button = Assert.Single(CardAssert.ExecuteActions(welcome.Cards[0]), a => (string?)a["title"] == "All commands");

        var result = await e2e.InvokeAsync(chat, welcome.MessageId, (string)button["verb"]!, button["data"]?.DeepClone().AsObject());

        Assert.Equal(PlaygroundMessage.AdaptiveCardType, (string?)result["type"]);
        var card = Assert.IsType<JsonObject>(result["value"]);
        Assert.Equal("CopBot commands", CardAssert.Texts(card)[0]);
        CardAssert.Valid(card, "help from welcome");
    }
}
