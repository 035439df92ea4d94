using System.Text.Json.Nodes;
using CopBot.Community;
using CopBot.Testing;
using CopBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CopBot.Tests;

/// <summary>Answered queries become knowledge entries on close, and <c>search</c> finds them, through the real pipeline.</summary>
[Collection(AzuriteFixture.Collection)]
public sealed class KnowledgeSearchTests(AzuriteFixture azurite)
{
    private const string Question = "How do we design cash transfers for informal workers using the social registry? #cash-transfers";
    private const string Answer = "Use mobile money and the social registry; start with a pilot in two districts.";

    private static async Task<(JsonObject Ask, string QueryId)> AskAnswerAndCloseAsync(BotHarness bot)
    {
        await QueryScenario.ImportDemoCommunityAndInstallAsync(bot);
        var ask = await QueryScenario.AskInChannelAsync(bot, Question);
        var queryId = QueryScenario.QueryIdOf(bot, Question);
        var thread = (string)ask["conversation"]!["id"]!;
        var answered = await QueryScenario.InvokeAsync(bot, QueryScenario.CardAction(bot, QueryScenario.AmaraId, "a:amara", "query.answer",
            new JsonObject { ["requestId"] = queryId, ["answer"] = Answer }));
        Assert.Equal(200, (int)answered["statusCode"]!);
        var closed = await QueryScenario.InvokeAsync(bot, QueryScenario.CardAction(bot, (string)ask["from"]!["id"]!, thread, "query.close",
            new JsonObject { ["requestId"] = queryId }));
        Assert.Equal(200, (int)closed["statusCode"]!);
        return (ask, queryId);
    }

    [Fact]
    public async Task Close_AnsweredQuery_KeptOnceWithAnswersCreditsAndThreadLink()
    {
        await using var bot = await BotHarness.StartAsync(azurite);
        var (ask, queryId) = await AskAnswerAndCloseAsync(bot);
        var knowledge = bot.Services.GetRequiredService<IKnowledgeBase>();

        // A second close (a retried click) changes nothing.
        await QueryScenario.InvokeAsync(bot, QueryScenario.CardAction(bot, (string)ask["from"]!["id"]!, (string)ask["conversation"]!["id"]!, "query.close",
            new JsonObject { ["requestId"] = queryId }));

        var entry = Assert.Single(await knowledge.ListAsync("default", CancellationToken.None));
        Assert.Equal((KnowledgeKind.AnsweredQuery, queryId), (entry.Kind, entry.SourceId));
        Assert.Equal(Question, entry.Title);
        Assert.Contains("Amara Nwosu-Lindqvist: " + Answer, entry.Text, StringComparison.Ordinal);
        Assert.Equal([QueryScenario.AmaraId], entry.Contributors.Select(c => c.Id));
        Assert.Contains("cash-transfers", entry.Topics);
        Assert.Equal((string)ask["id"]!, entry.Thread!.ActivityId);
        Assert.Contains("/l/message/", entry.Thread.Link!.AbsoluteUri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Close_WithoutAnyAnswer_AddsNothing()
    {
        await using var bot = await BotHarness.StartAsync(azurite);
        await QueryScenario.ImportDemoCommunityAndInstallAsync(bot);
        var ask = await QueryScenario.AskInChannelAsync(bot, Question);
        var queryId = QueryScenario.QueryIdOf(bot, Question);

        var closed = await QueryScenario.InvokeAsync(bot, QueryScenario.CardAction(bot, (string)ask["from"]!["id"]!, (string)ask["conversation"]!["id"]!, "query.close",
            new JsonObject { ["requestId"] = queryId }));

        Assert.Equal(200, (int)closed["statusCode"]!);
        Assert.Empty(await bot.Services.GetRequiredService<IKnowledgeBase>().ListAsync("default", CancellationToken.None));
    }

    [Fact]
    public async Task Search_AfterRestart_FindsTheAnsweredQueryAsAValidCardWithItsThread()
    {
        await using var bot = await BotHarness.StartAsync(azurite);
        var (_, queryId) = await AskAnswerAndCloseAsync(bot);
        await bot.RestartAsync();
        var before = bot.SentCards.Count;

        await QueryScenario.SayInPersonalChatAsync(bot, "search mobile money for informal workers");

        var card = Assert.Single(bot.SentCards.Skip(before));
        var json = card.ToJsonString();
        Assert.Contains("1 match", json, StringComparison.Ordinal);
        Assert.Contains("Answered query", json, StringComparison.Ordinal);
        Assert.Contains("Amara Nwosu-Lindqvist", json, StringComparison.Ordinal);
        Assert.Contains("mobile money", json, StringComparison.Ordinal);
        var open = Assert.Single(card["actions"]!.AsArray(), a => (string?)a!["type"] == "Action.OpenUrl");
        Assert.Contains("/l/message/", (string)open!["url"]!, StringComparison.Ordinal);
        Assert.NotNull(queryId);
        SentCardAssert.Valid([card]);
    }

    [Fact]
    public async Task Search_NothingMatchesOrNoWords_SaysSoWithoutACardOfResults()
    {
        await using var bot = await BotHarness.StartAsync(azurite);
        await bot.Services.GetRequiredService<IKnowledgeBase>().AddAsync(new KnowledgeEntry(
            "default", KnowledgeKind.Synthesis, "s-1", "Prescribed burning with village fire brigades", "Burn early in the dry season.",
            ["fire-management"], [new("29:1kalani", "Kalani")], null, new DateTimeOffset(2025, 3, 3, 9, 0, 0, TimeSpan.Zero)), CancellationToken.None);

        await QueryScenario.SayInPersonalChatAsync(bot, "search");
        await QueryScenario.SayInPersonalChatAsync(bot, "search quantum chromodynamics");
        await QueryScenario.SayInPersonalChatAsync(bot, "search fire brigades");

        var texts = bot.Sent.Select(r => (string?)r.Json?["text"]).OfType<string>().ToList();
        Assert.Contains(texts, t => t.StartsWith("Write what you are looking for", StringComparison.Ordinal));
        var cards = bot.SentCards.Select(c => c.ToJsonString()).ToList();
        Assert.Contains(cards, c => c.Contains("Nothing found", StringComparison.Ordinal));
        // A synthesis without a thread link shows as a result with no open button.
        var found = Assert.Single(bot.SentCards, c => c.ToJsonString().Contains("Consolidated reply", StringComparison.Ordinal));
        Assert.Null(found["actions"]);
        SentCardAssert.Valid(bot.SentCards, atLeast: 2);
    }
}
