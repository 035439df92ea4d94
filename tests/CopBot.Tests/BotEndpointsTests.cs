using System.Net;
using System.Text.Json.Nodes;
using CopBot.Testing;
using CopBot.Tests.Support;

namespace CopBot.Tests;

[Collection(AzuriteFixture.Collection)]
public sealed class BotEndpointsTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task PostActivity_ChannelMentionWithValidToken_RepliesInThreadWithValidCardThroughAuthenticatedConnector()
    {
        await using var bot = await BotHarness.StartAsync(azurite);
        var activity = bot.Payload("channel-message-mention");
        activity["text"] = "<at>CopBot</at> help";

        using var response = await bot.PostAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = Assert.Single(bot.Sent);
        Assert.Equal("POST", reply.Method);
        var thread = (string)activity["conversation"]!["id"]!;
        Assert.Equal($"/amer/v3/conversations/{thread}/activities/{activity["id"]}", reply.Path);
        Assert.Equal("Bearer fake-token-1", reply.Authorization);
        Assert.Equal(1, bot.Connector.TokenRequestCount);
        Assert.Equal((string)activity["id"]!, (string?)reply.Json!["replyToId"]);
        SentCardAssert.Valid(bot.SentCards);
        Assert.Contains("CopBot commands", bot.SentCards[0].ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostActivity_UnknownTextInPersonalChat_AnswersWithHelpCardNamingTheWord()
    {
        await using var bot = await BotHarness.StartAsync(azurite);
        var activity = bot.Payload("personal-message");
        activity["text"] = "bonjour";

        using var response = await bot.PostAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var card = Assert.Single(bot.SentCards);
        Assert.Contains("bonjour", card.ToJsonString(), StringComparison.Ordinal);
        SentCardAssert.Valid(bot.SentCards);
    }

    [Fact]
    public async Task PostActivity_EveryListedCommand_IsHandledNeitherUnrecognisedNorNotAvailable()
    {
        await using var bot = await BotHarness.StartAsync(azurite);

        foreach (var command in CopBot.Features.Help.CommandCatalog.All)
        {
            var activity = bot.Payload("personal-message");
            activity["id"] = "every-command-" + command.Name;
            activity["text"] = command.Name;
            var sentBefore = bot.Sent.Count;

            using var response = await bot.PostAsync(activity);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var replies = string.Concat(bot.Sent.Skip(sentBefore).Select(r => r.Body));
            Assert.False(string.IsNullOrEmpty(replies), $"{command.Name} got no reply");
            Assert.DoesNotContain("not available in this version yet", replies, StringComparison.Ordinal);
            Assert.DoesNotContain("did not recognise", replies, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task PostActivity_BotAddedToTeam_ReadsRosterPostsWelcomeCardAndSavesTheConversation()
    {
        await using var bot = await BotHarness.StartAsync(azurite);
        var activity = bot.Payload("conversation-update-bot-added");

        using var response = await bot.PostAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var roster = Assert.Single(bot.Sent, r => r.Method == "GET");
        Assert.StartsWith($"/amer/v3/conversations/{activity["conversation"]!["id"]}/pagedmembers", roster.Path, StringComparison.Ordinal);
        var welcome = Assert.Single(bot.Sent, r => r.Method == "POST");
        Assert.Equal($"/amer/v3/conversations/{activity["conversation"]!["id"]}/activities", welcome.Path);
        SentCardAssert.Valid(bot.SentCards);
        Assert.Equal(1, await bot.CountAsync("Conversations"));
    }

    [Fact]
    public async Task PostActivity_CardActionInvoke_ReturnsReplacementCardInTheInvokeResponse()
    {
        await using var bot = await BotHarness.StartAsync(azurite);
        var activity = bot.Payload("invoke-adaptive-card-action");
        activity["value"]!["action"]!["data"]!["command"] = "query";

        using var response = await bot.PostAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(200, (int)body["statusCode"]!);
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)body["type"]);
        var card = body["value"]!.AsObject();
        Assert.Contains("query", card.ToJsonString(), StringComparison.Ordinal);
        SentCardAssert.Valid([card]);
        Assert.Empty(bot.Sent);
    }

    [Fact]
    public async Task PostActivity_CardActionForUnknownCommand_RefusesInTheInvokeResponse()
    {
        await using var bot = await BotHarness.StartAsync(azurite);
        var activity = bot.Payload("invoke-adaptive-card-action");
        activity["value"]!["action"]!["data"]!["command"] = "rm -rf";

        using var response = await bot.PostAsync(activity);

        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(400, (int)body["statusCode"]!);
        Assert.Equal("application/vnd.microsoft.error", (string?)body["type"]);
    }

    [Fact]
    public async Task PostActivity_InvokeNobodyHandles_Returns501()
    {
        await using var bot = await BotHarness.StartAsync(azurite);
        var activity = bot.Payload("invoke-adaptive-card-action");
        activity["name"] = "composeExtension/query";

        using var response = await bot.PostAsync(activity);

        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
    }

    [Fact]
    public async Task PostActivity_CardActionWithoutVerb_ErrorShownOnTheCardNot501()
    {
        await using var bot = await BotHarness.StartAsync(azurite);
        var activity = bot.Payload("invoke-adaptive-card-action");
        activity["value"]!["action"]!.AsObject().Remove("verb");

        using var response = await bot.PostAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(400, (int?)body["statusCode"]);
        Assert.Equal("application/vnd.microsoft.error", (string?)body["type"]);
        Assert.Equal(CopBot.Turns.TurnRouter.MissingVerb, (string?)body["value"]!["message"]);
        Assert.Empty(bot.Sent);
    }

    [Fact]
    public async Task PostActivity_ActionSubmitFallback_UpdatesTheCardInPlace()
    {
        await using var bot = await BotHarness.StartAsync(azurite);
        var activity = bot.Payload("action-submit-message");
        activity["value"]!["command"] = "consult";
        activity["replyToId"] = "1741684900000";

        using var response = await bot.PostAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var update = Assert.Single(bot.Sent);
        Assert.Equal("PUT", update.Method);
        Assert.EndsWith("/activities/1741684900000", update.Path, StringComparison.Ordinal);
        SentCardAssert.Valid(bot.SentCards);
    }

    [Fact]
    public async Task PostActivity_SameActivityDeliveredThreeTimes_ProcessedOnce()
    {
        await using var bot = await BotHarness.StartAsync(azurite);
        var activity = bot.Payload("personal-message");
        activity["text"] = "help";

        for (var i = 0; i < 3; i++)
        {
            using var response = await bot.PostAsync(activity);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.Single(bot.Sent);
        Assert.Equal(1, await bot.CountAsync("ProcessedActivities"));
    }

    [Fact]
    public async Task PostActivity_FirstContact_SavesTheMembersConversationReference()
    {
        await using var bot = await BotHarness.StartAsync(azurite);
        var activity = bot.Payload("personal-message");

        using var response = await bot.PostAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var contacts = (CopBot.Community.IContactStore)bot.Services.GetService(typeof(CopBot.Community.IContactStore))!;
        var member = await contacts.GetMemberAsync((string)activity["conversation"]!["tenantId"]!, (string)activity["from"]!["id"]!, CancellationToken.None);
        Assert.NotNull(member);
        Assert.Equal(bot.Connector.ServiceUrl, member.ServiceUrl);
        Assert.Equal((string)activity["conversation"]!["id"]!, member.PersonalConversationId);
        Assert.Equal((string?)activity["from"]!["aadObjectId"], member.AadObjectId);
    }

    [Fact]
    public async Task Healthz_StorageAnswers_Returns200()
    {
        await using var bot = await BotHarness.StartAsync(azurite);

        using var response = await bot.Client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
