using CopBot.Community;
using CopBot.Features.Gaps;
using CopBot.Testing;
using CopBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

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

    [Fact]
    public async Task GapNotice_QuestionNobodyKnows_FacilitatorsToldOnceEvenWhenTheTurnIsRetried()
    {
        await using var bot = await BotHarness.StartAsync(azurite);
        await QueryScenario.ImportDemoCommunityAndInstallAsync(bot);
        await QueryScenario.AskInChannelAsync(bot, "How do we design cash transfers for informal workers using the social registry? #cash-transfers");
        Assert.Empty(Notices(bot)); // routing found people: no gap, no notice

        var ask = await QueryScenario.AskInChannelAsync(bot, Unknown);
        // The turn failed after the query was stored and Teams redelivers it: the processed-activity record is forgotten
        // (as TurnProcessor does when even its apology failed), so the whole turn runs again.
        await bot.Services.GetRequiredService<IProcessedActivityStore>().ForgetAsync("msteams", (string)ask["conversation"]!["id"]!, (string)ask["id"]!, default);
        await bot.PostAsync(ask);

        // Amara (facilitator, in the team roster) gets the 1:1 card; Grace (facilitator, never reached 1:1) is @mentioned in the thread.
        var notice = Assert.Single(Notices(bot));
        Assert.Contains((string?)notice.Json!["conversation"]!["id"], ConversationsWith(bot, QueryScenario.AmaraId));
        var card = notice.Json["attachments"]![0]!["content"]!.AsObject();
        var json = card.ToJsonString();
        Assert.Contains("Which lattice QCD solvers scale on exascale GPUs?", json, StringComparison.Ordinal);
        Assert.Contains("#lattice-qcd", json, StringComparison.Ordinal);
        Assert.Contains("Nobody in the profile index has these topics yet", json, StringComparison.Ordinal);
        Assert.Contains("https://teams.microsoft.com/l/message/", json, StringComparison.Ordinal);
        SentCardAssert.Valid([card]);
        var mentions = bot.Sent.Where(r => r.Body.Contains("the profile index knows this question", StringComparison.Ordinal)).ToList();
        var mention = Assert.Single(mentions);
        Assert.Contains("Grace Achieng Otieno", mention.Body, StringComparison.Ordinal);
        Assert.Contains(";messageid=" + (string)ask["id"]!, (string?)mention.Json!["conversation"]!["id"], StringComparison.Ordinal);
        var query = Assert.Single(await bot.Services.GetRequiredService<IQueryStore>().ListAsync("default", default), q => q.Question.StartsWith("Which lattice", StringComparison.Ordinal));
        Assert.NotNull(query.GapNoticeSentAt);
    }

    private static List<CopBot.Testing.RecordedRequest> Notices(BotHarness bot) =>
        [.. bot.Sent.Where(r => r.Body.Contains("Knowledge gap: nobody on record knows this", StringComparison.Ordinal))];

    /// <summary>The 1:1 conversations the bot created with a member (the fake connector numbers them in order).</summary>
    private static List<string> ConversationsWith(BotHarness bot, string userId) =>
        [.. bot.Sent.Where(r => r.Path.EndsWith("/v3/conversations", StringComparison.Ordinal))
            .Select((r, i) => (Member: (string?)r.Json!["members"]![0]!["id"], Id: $"a:fake-conversation-{i + 1}"))
            .Where(c => c.Member == userId).Select(c => c.Id)];
}
