using System.Text.Json.Nodes;
using CopBot.Testing;
using CopBot.Tests.Support;

namespace CopBot.Tests;

/// <summary>The facilitators' indicators: <c>stats</c> in chat and the CLI's CSV export, after a real query flow.</summary>
[Collection(AzuriteFixture.Collection)]
public sealed class StatsTests(AzuriteFixture azurite)
{
    private const string Question = "How do we design cash transfers for informal workers using the social registry? #cash-transfers";

    private static async Task AskAnswerAndCloseAsync(BotHarness bot)
    {
        await QueryScenario.ImportDemoCommunityAndInstallAsync(bot);
        var ask = await QueryScenario.AskInChannelAsync(bot, Question);
        var queryId = QueryScenario.QueryIdOf(bot, Question);
        await QueryScenario.InvokeAsync(bot, QueryScenario.CardAction(bot, QueryScenario.AmaraId, "a:amara", "query.answer",
            new JsonObject { ["requestId"] = queryId, ["answer"] = "Use mobile money and the registry." }));
        await QueryScenario.InvokeAsync(bot, QueryScenario.CardAction(bot, (string)ask["from"]!["id"]!, (string)ask["conversation"]!["id"]!, "query.close",
            new JsonObject { ["requestId"] = queryId }));
    }

    [Fact]
    public async Task Stats_Facilitator_GetsIndicatorsCardOthersAreRefused()
    {
        await using var bot = await BotHarness.StartAsync(azurite);
        await AskAnswerAndCloseAsync(bot);
        var before = bot.SentCards.Count;

        await QueryScenario.SayInPersonalChatAsync(bot, "stats");
        await QueryScenario.SayInPersonalChatAsync(bot, "stats 7", QueryScenario.AmaraId);
        await QueryScenario.SayInPersonalChatAsync(bot, "stats last year", QueryScenario.AmaraId);

        var texts = bot.Sent.Select(r => (string?)r.Json?["text"]).OfType<string>().ToList();
        Assert.Contains(CopBot.Features.Stats.StatsFeature.NotAllowed, texts);
        Assert.Contains(texts, t => t.StartsWith("Give a number of days", StringComparison.Ordinal));
        var card = Assert.Single(bot.SentCards.Skip(before));
        var json = card.ToJsonString();
        Assert.Contains("Community indicators", json, StringComparison.Ordinal);
        Assert.Contains("100% (1 of 1)", json, StringComparison.Ordinal);
        Assert.Contains("Amara Nwosu-Lindqvist: 1 answer", json, StringComparison.Ordinal);
        Assert.Contains("Knowledge entries published\",\"value\":\"1\"", json, StringComparison.Ordinal);
        SentCardAssert.Valid([card]);
    }

    [Fact]
    public async Task StatsCli_Period_PrintsCsvOfTheSameIndicators()
    {
        await using var bot = await BotHarness.StartAsync(azurite);
        await AskAnswerAndCloseAsync(bot);

        var (output, exit, _) = await AdminCommand.RunAsync(bot, "stats", "--days", "7");
        var (_, badExit, _) = await AdminCommand.RunAsync(bot, "stats", "--from", "2025-03-31", "--to", "2025-01-01");

        Assert.Equal(0, exit);
        Assert.Equal(2, badExit);
        var rows = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("section,name,value", rows[0]);
        Assert.Contains("members,members,12", rows);
        Assert.Contains("requests_by_modality,query,1", rows);
        Assert.Contains("requests,answer_rate,1", rows);
        Assert.Contains("top_contributor_answers,Amara Nwosu-Lindqvist,1", rows);
        Assert.Contains("knowledge,entries_published,1", rows);
    }
}
