using Azure.Data.Tables;
using CopBot.Community;
using CopBot.Features.Digest;
using CopBot.Outbox;
using CopBot.Storage;
using CopBot.Testing;
using CopBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CopBot.Tests.Outbox;

/// <summary>
/// The periodic digest through the outbox (real Azurite queue and tables, the fake connector on loopback, a fake
/// clock): one post per period through connector failures, a check that died after enqueueing and a second
/// instance; nothing for a quiet period; after an outbox held up past the next period only the latest; and without
/// the outbox a failed post retried by the next check.
/// </summary>
[Collection(AzuriteFixture.Collection)]
public sealed class OutboxDigestTests(AzuriteFixture azurite)
{
    private const string FirstWeek = "2026-03-09T09:00Z";
    private const string SecondWeek = "2026-03-16T09:00Z";
    private readonly FakeTimeProvider _clock = new(DigestTests.Monday);

    /// <summary>A bot whose connector retries once by itself, so a few scripted failures fail whole outbox deliveries.</summary>
    private async Task<BotHarness> StartAsync(bool withActivity = true, string? connectionString = null)
    {
        var bot = await CommunityScenario.StartAsync(azurite, _clock, connectionString: connectionString,
            settings: new Dictionary<string, string?> { ["BotConnector:MaxRetryAttempts"] = "1" });
        await CommunityScenario.PrepareAsync(bot, joinedAt: DigestTests.Monday.AddDays(-60));
        if (withActivity)
        {
            await CommunityScenario.PostOkAsync(bot, DigestTests.NewThread(bot, "query " + DigestTests.Unanswered));
        }

        return bot;
    }

    private static Task CheckAsync(IServiceProvider services) => services.GetRequiredService<DigestChecker>().RunOnceAsync(default);

    private static Task<DigestOutcome?> OutcomeAsync(BotHarness bot, string period) =>
        bot.Services.GetRequiredService<IDigestLog>().GetAsync("default", period, default);

    private static List<RecordedRequest> FailedDigests(BotHarness bot) =>
        [.. bot.Connector.Requests.Where(r => r.StatusCode >= 400 && r.Body.Contains("Community digest", StringComparison.Ordinal))];

    [Fact]
    public async Task Digest_ConnectorThrottlingThenFailing_PostedOnceAndRecordedWithItsActivityId()
    {
        await using var bot = await StartAsync();
        _clock.Advance(TimeSpan.FromDays(7));

        bot.Connector.FailNext(429, times: 2, retryAfter: TimeSpan.Zero);
        bot.Connector.FailNext(503, times: 2);
        bot.Connector.FailNext(500, times: 2);
        await CheckAsync(bot.Services);
        await bot.DrainOutboxAsync();

        Assert.Equal(6, FailedDigests(bot).Count); // three whole deliveries failed, the fourth posted
        var digest = Assert.Single(DigestTests.Digests(bot));
        Assert.Contains("no answer yet", digest.Body, StringComparison.Ordinal);
        SentCardAssert.Valid([digest.Json!["attachments"]![0]!["content"]!.AsObject()]);
        var row = (await bot.Services.GetRequiredService<CopBotTables>().Digests.GetEntityAsync<TableEntity>(KeyEncoder.Encode("default"), KeyEncoder.Encode(FirstWeek))).Value;
        Assert.Equal(nameof(DigestOutcome.Posted), row.GetString("Outcome"));
        Assert.StartsWith("fake-activity-", row.GetString("ActivityId"), StringComparison.Ordinal);
        Assert.Empty((await bot.Services.GetRequiredService<OutboxQueues>().Poison.PeekMessagesAsync(32)).Value);
    }

    [Fact]
    public async Task Digest_ACheckThatDiedAfterEnqueueAndASecondInstance_PostOnce()
    {
        await using var bot = await StartAsync();
        await using var other = await bot.StartOtherInstanceAsync();
        _clock.Advance(TimeSpan.FromDays(7));

        // The dead check's message is still in the queue (not visible yet); the period was never claimed.
        var period = new DigestSchedule(TimeSpan.FromDays(7), DayOfWeek.Monday, 9).LatestEndedBy(_clock.GetUtcNow())!;
        await OutboxQueues.SendAsync(bot.Services.GetRequiredService<OutboxQueues>().Main, DigestPostDelivery.Message("default", period).ToJson(), default, TimeSpan.FromSeconds(1));
        Assert.Null(await OutcomeAsync(bot, FirstWeek));
        await Task.WhenAll(CheckAsync(other.Services), CheckAsync(bot.Services), CheckAsync(other.Services));
        await bot.DrainOutboxAsync();
        await bot.RestartAsync();
        await CheckAsync(bot.Services);
        await bot.DrainOutboxAsync();

        Assert.Single(DigestTests.Digests(bot));
        Assert.Equal(DigestOutcome.Posted, await OutcomeAsync(bot, FirstWeek));
    }

    [Fact]
    public async Task Digest_QuietPeriod_NothingPostedAndRecordedQuiet()
    {
        await using var bot = await StartAsync(withActivity: false);
        _clock.Advance(TimeSpan.FromDays(7));

        await CheckAsync(bot.Services);
        await bot.DrainOutboxAsync();
        await CheckAsync(bot.Services);
        await bot.DrainOutboxAsync();

        Assert.Empty(DigestTests.Digests(bot));
        Assert.Equal(DigestOutcome.Quiet, await OutcomeAsync(bot, FirstWeek));
        var sent = await bot.Services.GetRequiredService<OutboxDeliveries>().SentAsync(default);
        Assert.Contains(sent.Keys, k => k.StartsWith(DigestPostDelivery.PostKind + "|" + FirstWeek, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Digest_OutboxHeldUpPastTheNextPeriod_OnlyTheLatestPosted()
    {
        await using var bot = await StartAsync();
        _clock.Advance(TimeSpan.FromDays(14));

        // The first week's message was stuck until the second week ended; the check now hands over the second.
        var first = new DigestPeriod(DigestTests.Monday.Date.AddHours(9), DigestTests.Monday.Date.AddDays(7).AddHours(9));
        await bot.Services.GetRequiredService<IOutbox>().EnqueueAsync([DigestPostDelivery.Message("default", first)], default);
        await CheckAsync(bot.Services);
        await bot.DrainOutboxAsync();

        var digest = Assert.Single(DigestTests.Digests(bot));
        Assert.Contains("9 Mar 2026 09:00 – 16 Mar 2026 09:00 UTC", System.Text.RegularExpressions.Regex.Unescape(digest.Body), StringComparison.Ordinal);
        Assert.Equal(DigestOutcome.Superseded, await OutcomeAsync(bot, FirstWeek));
        Assert.Equal(DigestOutcome.Posted, await OutcomeAsync(bot, SecondWeek));
    }

    [Fact]
    public async Task Digest_WithoutTheOutbox_AFailedPostIsRetriedByTheNextCheck_PostOnce()
    {
        await using var bot = await StartAsync(connectionString: azurite.TablesOnlyConnectionString);
        Assert.IsType<DirectOutbox>(bot.Services.GetRequiredService<IOutbox>());
        _clock.Advance(TimeSpan.FromDays(7));

        bot.Connector.FailNext(503, times: 2);
        await CheckAsync(bot.Services); // posted inside the check, which fails before claiming: nothing recorded
        Assert.Null(await OutcomeAsync(bot, FirstWeek));
        await CheckAsync(bot.Services);
        await CheckAsync(bot.Services);

        Assert.Equal(2, FailedDigests(bot).Count);
        Assert.Single(DigestTests.Digests(bot));
        Assert.Equal(DigestOutcome.Posted, await OutcomeAsync(bot, FirstWeek));
    }
}
