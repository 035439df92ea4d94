using CopBot.Community;
using CopBot.Testing;
using CopBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CopBot.Tests;

/// <summary>
/// Routing respects availability and live load, through the real pipeline: an expert at their open-request cap is
/// skipped and the next in line asked; a busy expert is skipped until their date passes.
/// </summary>
[Collection(AzuriteFixture.Collection)]
public sealed class QueryAvailabilityTests(AzuriteFixture azurite)
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero));

    private static async Task<QueryRequest> AskAsync(BotHarness bot)
    {
        var ask = await QueryScenario.AskInChannelAsync(bot, CashTransferQuestion.Question);
        var queries = bot.Services.GetRequiredService<IQueryStore>();
        var open = await queries.ListAsync("default", CancellationToken.None);
        return open.Single(q => q.Place.QuestionActivityId == (string)ask["id"]!);
    }

    private static IEnumerable<string> AskedIds(QueryRequest query) =>
        query.Experts.Where(e => e.State == AssignmentState.Asked).Select(e => e.ExpertId);

    private static async Task ChangeAmaraAsync(BotHarness bot, Func<ExpertProfile, ExpertProfile> change)
    {
        var profiles = bot.Services.GetRequiredService<IProfileStore>();
        var amara = (await profiles.GetAsync("default", CommunityScenario.AmaraId, CancellationToken.None))!;
        await profiles.UpsertAsync(change(amara), CancellationToken.None);
        await bot.RefreshExpertIndexAsync();
    }

    [Fact]
    public async Task Query_ExpertAtMaxOpenRequests_SkippedAndNextAskedUntilTheyAnswer()
    {
        await using var bot = await CashTransferQuestion.StartAsync(azurite, _clock);
        await ChangeAmaraAsync(bot, a => a with { MaxOpenRequests = 1 });

        var first = await AskAsync(bot);
        var second = await AskAsync(bot);

        Assert.Contains(CommunityScenario.AmaraId, AskedIds(first));
        Assert.DoesNotContain(second.Experts, e => e.ExpertId == CommunityScenario.AmaraId);
        Assert.Equal(3, AskedIds(second).Count());
        Assert.Subset(first.Experts.Select(e => e.ExpertId).ToHashSet(), AskedIds(second).ToHashSet());

        // Amara answers the first question: her slot is free again.
        await CashTransferQuestion.AmaraAnswersAsync(bot, first.Id);
        var third = await AskAsync(bot);

        Assert.Contains(CommunityScenario.AmaraId, AskedIds(third));
    }

    [Fact]
    public async Task Query_BusyExpert_SkippedUntilTheDatePasses()
    {
        await using var bot = await CashTransferQuestion.StartAsync(azurite, _clock);
        await ChangeAmaraAsync(bot, a => a with { BusyUntil = _clock.GetUtcNow().AddDays(2) });

        var whileBusy = await AskAsync(bot);
        _clock.Advance(TimeSpan.FromDays(2));
        var afterwards = await AskAsync(bot);

        Assert.DoesNotContain(whileBusy.Experts, e => e.ExpertId == CommunityScenario.AmaraId);
        Assert.Equal(3, AskedIds(whileBusy).Count());
        Assert.Contains(CommunityScenario.AmaraId, AskedIds(afterwards));
    }
}
