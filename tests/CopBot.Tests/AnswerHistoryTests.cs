using System.Text.Json.Nodes;
using CopBot.Community;
using CopBot.Features.Query;
using CopBot.Features.Requests;
using CopBot.Testing;
using CopBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace CopBot.Tests;

/// <summary>
/// An answer given through the bot becomes part of the expert's profile history, through the real pipeline on
/// Azurite: stored once per request whatever is redelivered or clicked again, seen by this instance's routing at
/// once and by another instance at its index refresh, so a similar question now finds the expert.
/// </summary>
[Collection(AzuriteFixture.Collection)]
public sealed class AnswerHistoryTests(AzuriteFixture azurite)
{
    private const string Question = "How do we keep pastoralist households registered when they migrate with their herds? #cash-transfers";
    private const string Similar = "Pastoralist families migrate with their herds every season: how do we keep them registered?";
    private const string AnswerText = "Register them at the water points on the migration routes, with a mobile enrolment team.";

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Answer_ThroughTheCard_OneHistoryItemEvenWhenRedeliveredAndRoutingFindsTheExpertForASimilarQuestion()
    {
        await using var bot = await StartWithoutPeriodicRefreshAsync();
        await CommunityScenario.PrepareAsync(bot);
        await using var other = await bot.StartOtherInstanceAsync();
        var before = await FindAsync(bot.Services, Similar);
        await QueryScenario.AskInChannelAsync(bot, Question);
        var requestId = QueryScenario.QueryIdOf(bot, Question);
        _clock.Advance(TimeSpan.FromHours(3));
        var answeredAt = _clock.GetUtcNow();

        var answer = Answer(bot, requestId, AnswerText);
        var answered = await QueryScenario.InvokeAsync(bot, answer);

        Assert.Equal(200, (int)answered["statusCode"]!);
        var query = (await bot.Services.GetRequiredService<IQueryStore>().GetAsync("default", requestId, CancellationToken.None))!;
        var item = Assert.Single(await RecordedAsync(bot.Services));
        Assert.Equal(new AnsweredQuestion(query.Question, AnswerText, item.Tags, answeredAt) { Key = "query:" + requestId }, item);
        Assert.Contains("cash-transfers", item.Tags);

        // The same delivery again, then a second click with other text (an "edited" answer): still one item, unchanged.
        using (var redelivered = await bot.PostAsync(answer))
        {
            Assert.Equal(System.Net.HttpStatusCode.OK, redelivered.StatusCode);
        }

        _clock.Advance(TimeSpan.FromMinutes(5));
        await QueryScenario.InvokeAsync(bot, Answer(bot, requestId, "Actually, use the livestock census lists."));
        Assert.Equal([item], await RecordedAsync(bot.Services));

        // This instance routes with it at once: the expert comes first for a similar question, and says why.
        var similarWhy = $"Answered a similar question: \"{query.Question}\"";
        Assert.DoesNotContain(before.Matches, m => m.Why.Contains(similarWhy));
        var after = await FindAsync(bot.Services, Similar);
        Assert.Equal(CommunityScenario.AmaraId, after.Matches[0].ExpertId);
        Assert.Contains(similarWhy, after.Matches[0].Why);
        Assert.False(after.IsGap);

        // Another instance learns it at its periodic index refresh, which re-reads the stored histories.
        Assert.DoesNotContain(query.Question, Titles(other.Services));
        await other.Services.GetRequiredService<ExpertIndexHolder>().RefreshAsync(other.Services.GetRequiredService<IProfileStore>());
        Assert.Contains(query.Question, Titles(other.Services));
        Assert.Contains(similarWhy, (await FindAsync(other.Services, Similar)).Matches[0].Why);
    }

    [Fact]
    public async Task Record_MemberWithoutProfile_GetsAMinimalRoutableProfileHoldingTheItem()
    {
        await using var bot = await CommunityScenario.StartAsync(azurite, _clock);
        await CommunityScenario.PrepareAsync(bot);
        var item = ProfileHistory.Item("discussion:d-1", Similar, "Water points.", ["pastoralism"], _clock.GetUtcNow());

        await Recorder(bot).RecordAsync("default", CommunityScenario.StrangerId, null, "Sam Newcomer", item, CancellationToken.None);

        var created = await bot.Services.GetRequiredService<IProfileStore>().GetAsync("default", CommunityScenario.StrangerId, CancellationToken.None);
        Assert.NotNull(created);
        Assert.Equal("Sam Newcomer", created.Name);
        Assert.Equal([CommunityRole.Member], created.Roles);
        Assert.Empty(created.Skills);
        Assert.Equal([item], created.History);
        Assert.Equal(CommunityScenario.StrangerId, (await FindAsync(bot.Services, "#pastoralism " + Similar)).Matches[0].ExpertId);
    }

    [Fact]
    public async Task Record_ProfileKeyedByEntraId_ItemGoesToThatProfileAndNoSecondProfileIsMade()
    {
        await using var bot = await CommunityScenario.StartAsync(azurite, _clock);
        await CommunityScenario.PrepareAsync(bot);
        var store = bot.Services.GetRequiredService<IProfileStore>();
        var historyBefore = (await store.GetAsync("default", CommunityScenario.TomasAad, CancellationToken.None))!.History.Count;
        var item = ProfileHistory.Item("consultation:c-1", "Review of the grievance redress manual", null, ["grievance redress"], _clock.GetUtcNow());

        await Recorder(bot).RecordAsync("default", CommunityScenario.TomasTeamsId, CommunityScenario.TomasAad, "Tomás", item, CancellationToken.None);

        Assert.Null(await store.GetAsync("default", CommunityScenario.TomasTeamsId, CancellationToken.None));
        var tomas = (await store.GetAsync("default", CommunityScenario.TomasAad, CancellationToken.None))!;
        Assert.Equal(historyBefore + 1, tomas.History.Count);
        Assert.Equal(item, tomas.History[^1]);
    }

    /// <summary>
    /// As <see cref="CommunityScenario.StartAsync"/>, and without the periodic index refresh (on both instances), so
    /// what the index holds comes only from the answer path and from the refresh the test runs itself.
    /// </summary>
    private Task<BotHarness> StartWithoutPeriodicRefreshAsync() =>
        BotHarness.StartAsync(azurite, authenticated: false, configureServices: services =>
        {
            services.AddSingleton<TimeProvider>(_clock);
            Type[] periodic = [typeof(ExpertIndexRefresher), typeof(QueryDeadlineService), typeof(CopBot.Features.Digest.DigestService)];
            foreach (var service in services.Where(d => d.ServiceType == typeof(IHostedService) && periodic.Contains(d.ImplementationType)).ToList())
            {
                services.Remove(service);
            }
        });

    private static AnswerHistoryRecorder Recorder(BotHarness bot) => bot.Services.GetRequiredService<AnswerHistoryRecorder>();

    private static JsonObject Answer(BotHarness bot, string requestId, string text) =>
        QueryScenario.CardAction(bot, CommunityScenario.AmaraId, "a:amara-chat", "query.answer",
            new JsonObject { ["requestId"] = requestId, ["answer"] = text });

    private static async Task<IReadOnlyList<AnsweredQuestion>> RecordedAsync(IServiceProvider services) =>
        [.. (await services.GetRequiredService<IProfileStore>().GetAsync("default", CommunityScenario.AmaraId, CancellationToken.None))!
            .History.Where(h => h.Key is not null)];

    private static List<string> Titles(IServiceProvider services) =>
        [.. services.GetRequiredService<ExpertIndexHolder>().Current.Find(CommunityScenario.AmaraId)!.History.Select(h => h.Title)];

    private static Task<ExpertSearch> FindAsync(IServiceProvider services, string text) =>
        services.GetRequiredService<IExpertFinder>().FindAsync("default", QueryText.Parse(text), "29:1asker", 5, CancellationToken.None);
}
