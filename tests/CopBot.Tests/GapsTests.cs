using CopBot.Features.Gaps;
using CopBot.Testing;
using CopBot.Tests.Support;

namespace CopBot.Tests;

/// <summary>Knowledge gaps through the real pipeline: a question nobody has evidence for is recorded once and shown to facilitators.</summary>
[Collection(AzuriteFixture.Collection)]
public sealed class GapsTests(AzuriteFixture azurite)
{
    private const string Unknown = "Which lattice QCD solvers scale on exascale GPUs? #lattice-qcd";

    [Fact]
    public async Task Gaps_QuestionNobodyKnows_RecordedOnceAndListedForFacilitatorsOnly()
    {
        await using var bot = await BotHarness.StartAsync(azurite);
        await QueryScenario.ImportDemoCommunityAndInstallAsync(bot);
        var ask = await QueryScenario.AskInChannelAsync(bot, Unknown);
        await bot.PostAsync(ask); // Teams' redelivery of the same activity: nothing counted twice.
        await QueryScenario.AskInChannelAsync(bot, "How do we design cash transfers for informal workers using the social registry? #cash-transfers");
        var before = bot.SentCards.Count;

        await QueryScenario.SayInPersonalChatAsync(bot, "gaps");
        await QueryScenario.SayInPersonalChatAsync(bot, "gaps", QueryScenario.AmaraId);

        Assert.Equal(1, await bot.CountAsync("KnowledgeGaps"));
        var texts = bot.Sent.Select(r => (string?)r.Json?["text"]).OfType<string>().ToList();
        Assert.Contains(GapsFeature.NotAllowed, texts);
        var card = Assert.Single(bot.SentCards.Skip(before));
        var json = card.ToJsonString();
        Assert.Contains("#lattice-qcd**: 1 request", json, StringComparison.Ordinal);
        Assert.Contains("Which lattice QCD solvers", json, StringComparison.Ordinal);
        Assert.Contains("Who knows what", json, StringComparison.Ordinal);
        Assert.DoesNotContain("cash-transfers**: 1 request", json, StringComparison.Ordinal);
        SentCardAssert.Valid([card]);
    }
}
