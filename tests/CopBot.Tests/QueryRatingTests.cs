using System.Text.Json.Nodes;
using CopBot.Community;
using CopBot.Testing;
using CopBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CopBot.Tests;

/// <summary>
/// The asker closes a question and rates the answers on the closed card, through the real pipeline: a helpful
/// rating raises the expert for the question's topics; only the asker can rate; re-rating replaces; a retried
/// delivery changes nothing twice.
/// </summary>
[Collection(AzuriteFixture.Collection)]
public sealed class QueryRatingTests(AzuriteFixture azurite)
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero));

    private static JsonObject Rate(BotHarness bot, string fromId, string thread, string requestId, string expertId, string rating) =>
        QueryScenario.CardAction(bot, fromId, thread, "query.rate",
            new JsonObject { ["requestId"] = requestId, ["expertId"] = expertId, ["rating"] = rating });

    private static async Task<double> FeedbackSumAsync(BotHarness bot, string expertId) =>
        (await bot.Services.GetRequiredService<IRoutingFeedbackStore>().ListAsync("default", CancellationToken.None))
            .Where(f => f.ExpertId == expertId && f.Tag == "cash-transfers").Sum(f => f.Delta);

    private static async Task<double> ScoreAsync(BotHarness bot, string expertId) =>
        (await bot.Services.GetRequiredService<IExpertFinder>().FindAsync("default", QueryText.Parse(CashTransferQuestion.Question), "29:1asker", 8, CancellationToken.None))
            .Matches.Single(m => m.ExpertId == expertId).Score;

    [Fact]
    public async Task Rate_AskerRatesAnswerOnClosedCard_RaisesExpertOnceAndReRatingReplaces()
    {
        await using var bot = await CashTransferQuestion.StartAsync(azurite, _clock);
        var ask = await QueryScenario.AskInChannelAsync(bot, CashTransferQuestion.Question);
        var asker = (string)ask["from"]!["id"]!;
        var thread = (string)ask["conversation"]!["id"]!;
        var requestId = QueryScenario.QueryIdOf(bot, CashTransferQuestion.Question);
        await CashTransferQuestion.AmaraAnswersAsync(bot, requestId);
        var scoreBefore = await ScoreAsync(bot, CommunityScenario.AmaraId);

        // Closing turns the card final and offers a rating per answer.
        var closed = await QueryScenario.InvokeAsync(bot, QueryScenario.CardAction(bot, asker, thread, "query.close", new JsonObject { ["requestId"] = requestId }));
        var closedCard = closed["value"]!.AsObject();
        SentCardAssert.Valid([closedCard]);
        Assert.Contains("Were the answers helpful?", closedCard.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("not rated yet", closedCard.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains(closedCard["body"]!.AsArray(), e => (string?)e!["type"] == "ActionSet"
            && e["actions"]!.AsArray().Any(a => (string?)a!["verb"] == "query.rate" && (string?)a["data"]!["expertId"] == CommunityScenario.AmaraId));

        // Someone else cannot rate; a forged expert (one who did not answer) is refused.
        var stranger = await QueryScenario.InvokeAsync(bot, Rate(bot, CommunityScenario.StrangerId, thread, requestId, CommunityScenario.AmaraId, "helpful"));
        var forged = await QueryScenario.InvokeAsync(bot, Rate(bot, asker, thread, requestId, CommunityScenario.TomasAad, "helpful"));
        var nonsense = await QueryScenario.InvokeAsync(bot, Rate(bot, asker, thread, requestId, CommunityScenario.AmaraId, "five stars"));
        Assert.Equal(403, (int)stranger["statusCode"]!);
        Assert.Equal(400, (int)forged["statusCode"]!);
        Assert.Equal(400, (int)nonsense["statusCode"]!);
        Assert.Equal(0, await FeedbackSumAsync(bot, CommunityScenario.AmaraId));

        // The asker rates helpful; the same delivery again and a second click change nothing more.
        var helpful = Rate(bot, asker, thread, requestId, CommunityScenario.AmaraId, "helpful");
        var rated = await QueryScenario.InvokeAsync(bot, helpful);
        using (var redelivered = await bot.PostAsync(helpful))
        {
            Assert.Equal(System.Net.HttpStatusCode.OK, redelivered.StatusCode);
        }

        await QueryScenario.InvokeAsync(bot, Rate(bot, asker, thread, requestId, CommunityScenario.AmaraId, "helpful"));

        Assert.Contains("rated helpful", rated["value"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(CopBot.Features.Query.QueryResponses.HelpfulBoost, await FeedbackSumAsync(bot, CommunityScenario.AmaraId));
        var stored = await bot.Services.GetRequiredService<IQueryStore>().GetAsync("default", requestId, CancellationToken.None);
        Assert.Equal(AnswerRating.Helpful, stored!.Find(CommunityScenario.AmaraId, null)!.Rating);
        Assert.True(await ScoreAsync(bot, CommunityScenario.AmaraId) > scoreBefore, "a helpful rating raises the expert for these topics");

        // Changing the rating replaces it: the raise is taken back.
        await bot.RestartAsync();
        var notHelpful = await QueryScenario.InvokeAsync(bot, Rate(bot, asker, thread, requestId, CommunityScenario.AmaraId, "notHelpful"));

        Assert.Contains("rated not helpful", notHelpful["value"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(0, await FeedbackSumAsync(bot, CommunityScenario.AmaraId));
        stored = await bot.Services.GetRequiredService<IQueryStore>().GetAsync("default", requestId, CancellationToken.None);
        Assert.Equal(AnswerRating.NotHelpful, stored!.Find(CommunityScenario.AmaraId, null)!.Rating);
    }
}
