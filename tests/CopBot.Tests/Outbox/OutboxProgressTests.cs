using CopBot.Community;
using CopBot.Features.Collaborate;
using CopBot.Outbox;
using CopBot.Testing;
using CopBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace CopBot.Tests.Outbox;

/// <summary>
/// The weekly working-group progress card through the outbox (real Azurite queue and tables, the fake connector on
/// loopback, a fake clock): one card per group and week whatever fails, whoever checks and whenever a check dies,
/// none for a group closed before its card is sent, and the same without the outbox.
/// </summary>
[Collection(AzuriteFixture.Collection)]
public sealed class OutboxProgressTests(AzuriteFixture azurite)
{
    private const string Thread = CommunityScenario.FormThread;
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _clock = new(Start);

    /// <summary>The connector's own retries limited to one, so a few scripted failures fail whole outbox deliveries.</summary>
    private Task<BotHarness> StartAsync(string? connectionString = null) => BotHarness.StartAsync(
        azurite,
        authenticated: false,
        connectionString: connectionString,
        settings: new Dictionary<string, string?> { ["BotConnector:MaxRetryAttempts"] = "1" },
        configureServices: services =>
        {
            services.AddSingleton<TimeProvider>(_clock);
            services.Remove(services.Single(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(CollaborateProgressService)));
        });

    private static async Task<WorkingGroup> CreateGroupAsync(BotHarness bot)
    {
        var place = new QueryPlace("msteams", bot.Connector.ServiceUrl, Thread, CommunityScenario.Tenant, "28:copbot", "CopBot", "1741684467331");
        var group = new WorkingGroup("default", "wg-" + Guid.NewGuid().ToString("N")[..8], "Write down how we run shock-responsive #cash-transfers", "A guidance note",
            place, CommunityScenario.FormRequesterId, "Ada Lovelace", Start, Start.AddDays(60), [new RoleNeed("expert", 2)], [])
        {
            Tasks = [new GroupTask("t1", "Draft the outline", CommunityScenario.AmaraId) { Done = true }],
        };
        var (stored, _) = await bot.Services.GetRequiredService<IWorkingGroupStore>().CreateAsync(group, CancellationToken.None);
        return stored;
    }

    private static Task CheckAsync(IServiceProvider services) =>
        services.GetRequiredService<CollaborateProgressChecker>().RunOnceAsync(CancellationToken.None);

    private static Task<WorkingGroup?> GetAsync(BotHarness bot, WorkingGroup group) =>
        bot.Services.GetRequiredService<IWorkingGroupStore>().GetAsync(group.Community, group.Id, CancellationToken.None);

    private static List<RecordedRequest> ProgressPosts(BotHarness bot, bool accepted = true) =>
        [.. bot.Sent.Where(r => r.Method == "POST" && r.Path.Contains(Thread, StringComparison.Ordinal)
            && r.Body.Contains("Weekly progress", StringComparison.Ordinal) && (r.StatusCode < 300) == accepted)];

    [Fact]
    public async Task Progress_ConnectorThrottlingThenFailing_OneCardForTheWeek()
    {
        await using var bot = await StartAsync();
        var group = await CreateGroupAsync(bot);

        _clock.Advance(TimeSpan.FromDays(7));
        bot.Connector.FailNext(429, times: 2, retryAfter: TimeSpan.Zero);
        bot.Connector.FailNext(503, times: 2);
        bot.Connector.FailNext(500, times: 2);
        await CheckAsync(bot.Services);
        // The round is recorded at once: the card is the outbox's to deliver now, through three failed deliveries.
        Assert.Equal(1, (await GetAsync(bot, group))!.ProgressRound);
        await bot.DrainOutboxAsync();

        Assert.Equal(6, ProgressPosts(bot, accepted: false).Count);
        var card = Assert.Single(ProgressPosts(bot));
        Assert.Contains("1 of 1 tasks done", card.Body, StringComparison.Ordinal);
        SentCardAssert.Valid([card.Json!["attachments"]![0]!["content"]!.AsObject()]);
        Assert.Empty(await PoisonedAsync(bot));
        var stored = (await GetAsync(bot, group))!;
        Assert.StartsWith("fake-activity-", stored.ProgressCardActivityId, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Progress_TwoInstancesCheckingAtOnceAndARestartedTimer_OneCardPerWeek()
    {
        await using var bot = await StartAsync();
        var group = await CreateGroupAsync(bot);
        await using var other = await bot.StartOtherInstanceAsync();

        _clock.Advance(TimeSpan.FromDays(7));
        await Task.WhenAll(CheckAsync(bot.Services), CheckAsync(other.Services), CheckAsync(bot.Services), CheckAsync(other.Services));
        await bot.DrainOutboxAsync();
        await bot.RestartAsync();
        await CheckAsync(bot.Services);
        await bot.DrainOutboxAsync();
        Assert.Single(ProgressPosts(bot));

        // The next week: one more card, again whoever checks.
        _clock.Advance(TimeSpan.FromDays(7));
        await Task.WhenAll(CheckAsync(other.Services), CheckAsync(bot.Services));
        await bot.DrainOutboxAsync();
        Assert.Equal(2, ProgressPosts(bot).Count);
        Assert.Equal(2, (await GetAsync(bot, group))!.ProgressRound);
    }

    [Fact]
    public async Task Progress_ACheckThatDiedAfterEnqueueBeforeRecording_NextCheckGivesOneCard()
    {
        await using var bot = await StartAsync();
        var group = await CreateGroupAsync(bot);

        _clock.Advance(TimeSpan.FromDays(7));
        // What the dead check did: the card enqueued, the round not recorded.
        await bot.Services.GetRequiredService<IOutbox>().EnqueueAsync([CollaborateProgressDelivery.Message(group, 1)], CancellationToken.None);
        await bot.DrainOutboxAsync();
        Assert.Equal(0, (await GetAsync(bot, group))!.ProgressRound);

        await CheckAsync(bot.Services); // storage says "not done": the same key again
        await bot.DrainOutboxAsync();
        await CheckAsync(bot.Services);
        await bot.DrainOutboxAsync();

        Assert.Single(ProgressPosts(bot));
        Assert.Equal(1, (await GetAsync(bot, group))!.ProgressRound);
    }

    [Fact]
    public async Task Progress_GroupCompletedBeforeTheCardIsSent_NoCard()
    {
        await using var bot = await StartAsync();
        var group = await CreateGroupAsync(bot);
        _clock.Advance(TimeSpan.FromDays(7));

        // The card waits in the queue (a busy or recovering outbox) while the group is completed.
        var queues = bot.Services.GetRequiredService<OutboxQueues>();
        await OutboxQueues.SendAsync(queues.Main, CollaborateProgressDelivery.Message(group, 1).ToJson(), CancellationToken.None, TimeSpan.FromSeconds(1));
        await bot.Services.GetRequiredService<IWorkingGroupStore>().UpdateAsync(group.Community, group.Id,
            g => g with { Status = WorkingGroupStatus.Completed, CompletedAt = _clock.GetUtcNow() }, CancellationToken.None);
        await bot.DrainOutboxAsync();
        await CheckAsync(bot.Services);
        await bot.DrainOutboxAsync();

        Assert.Empty(ProgressPosts(bot));
        Assert.Empty(ProgressPosts(bot, accepted: false));
        Assert.Contains(CollaborateProgressDelivery.Message(group, 1).Key, (await bot.Services.GetRequiredService<OutboxDeliveries>().SentAsync(CancellationToken.None)).Keys);
    }

    [Fact]
    public async Task Progress_WithoutTheOutbox_AFailedPostIsRetriedByTheNextCheck_OneCard()
    {
        await using var bot = await StartAsync(azurite.TablesOnlyConnectionString);
        Assert.IsType<DirectOutbox>(bot.Services.GetRequiredService<IOutbox>());
        var group = await CreateGroupAsync(bot);

        _clock.Advance(TimeSpan.FromDays(7));
        bot.Connector.FailNext(503, times: 2);
        await CheckAsync(bot.Services); // the post fails inside the check: nothing recorded, so nothing lost
        Assert.Equal(0, (await GetAsync(bot, group))!.ProgressRound);
        await CheckAsync(bot.Services);
        await CheckAsync(bot.Services);

        Assert.Single(ProgressPosts(bot));
        Assert.Equal(1, (await GetAsync(bot, group))!.ProgressRound);
    }

    private static async Task<Azure.Storage.Queues.Models.PeekedMessage[]> PoisonedAsync(BotHarness bot) =>
        (await bot.Services.GetRequiredService<OutboxQueues>().Poison.PeekMessagesAsync(32)).Value;
}
