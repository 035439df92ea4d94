using System.Net;
using CopBot.Community;
using CopBot.Features.Query;
using CopBot.Outbox;
using CopBot.Testing;
using CopBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CopBot.Tests.Outbox;

/// <summary>
/// The durable outbox on real Azurite queues and tables, through the real pipeline: a query fanned out to 50 experts
/// reaches each exactly once whatever the connector does, whichever host stops, however many hosts share the queue.
/// </summary>
[Collection(AzuriteFixture.Collection)]
public sealed class OutboxFanOutTests(AzuriteFixture azurite)
{
    private const int Experts = 50;

    private async Task<BotHarness> StartAsync(IReadOnlyDictionary<string, string?>? extra = null, string? tablePrefix = null, FakeConnectorServer? connector = null)
    {
        var settings = new Dictionary<string, string?>(FanOutScenario.Settings(Experts));
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var bot = await BotHarness.StartAsync(azurite, authenticated: false, settings: settings, tablePrefix: tablePrefix, connector: connector);
        if (tablePrefix is null)
        {
            await FanOutScenario.SeedAsync(
                bot.Services.GetRequiredService<IProfileStore>(), bot.Services.GetRequiredService<IContactStore>(), bot.Connector.ServiceUrl, Experts);
        }

        await bot.RefreshExpertIndexAsync();
        return bot;
    }

    private static async Task<QueryRequest> AskUndrainedAsync(BotHarness bot)
    {
        using var response = await bot.PostUndrainedAsync(FanOutScenario.Ask(bot.Payload("channel-message-mention")));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var store = bot.Services.GetRequiredService<IQueryStore>();
        var id = Assert.Single(await store.ListOpenAsync("default", CancellationToken.None));
        return (await store.GetAsync("default", id, CancellationToken.None))!;
    }

    private static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(30), $"timed out waiting for {what}");
            await Task.Delay(10);
        }
    }

    [Fact]
    public async Task FanOutTo50_ConnectorFailingIntermittently_EachExpertGetsExactlyOneCard()
    {
        await using var bot = await StartAsync();
        var calls = 0;
        int[] failures = [500, 503, 429, 502];
        bot.Connector.BeforeAnswer = (request, _) =>
        {
            // Every third card send fails, cycling through a server error, unavailable, throttled and a bad gateway.
            if (!FanOutScenario.IsExpertCardSend(request.Method, request.Path.Value ?? ""))
            {
                return Task.FromResult<int?>(null);
            }

            var n = Interlocked.Increment(ref calls);
            return Task.FromResult<int?>(n % 3 == 0 ? failures[n / 3 % failures.Length] : null);
        };

        var query = await AskUndrainedAsync(bot);
        await bot.DrainOutboxAsync();

        Assert.True(bot.Connector.Requests.Count(r => r.StatusCode >= 500 && FanOutScenario.IsExpertCardSend(r.Method, r.Path)) >= 10, "the connector failed often");
        FanOutScenario.AssertEachExpertOnce(bot.Connector.Requests, Experts);
        var stored = (await bot.Services.GetRequiredService<IQueryStore>().GetAsync("default", query.Id, CancellationToken.None))!;
        Assert.All(stored.Experts, e => Assert.Equal(NotificationChannel.PersonalCard, e.NotifiedBy));
        Assert.All(stored.Experts, e => Assert.NotNull(e.CardActivityId));
        Assert.Equal(Experts, (await AsksSentAsync(bot.Services)).Count);
        Assert.Equal(0, (await bot.Services.GetRequiredService<OutboxQueues>().Poison.GetPropertiesAsync()).Value.ApproximateMessagesCount);
        SentCardAssert.Valid(bot.SentCards, Experts);
    }

    [Fact]
    public async Task FanOutTo50_TurnAnswersBeforeAnyCardIsAccepted_CardsFollowOnceReleased()
    {
        await using var bot = await StartAsync();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        bot.Connector.BeforeAnswer = async (request, cancellationToken) =>
        {
            if (FanOutScenario.IsExpertCardSend(request.Method, request.Path.Value ?? ""))
            {
                await release.Task.WaitAsync(cancellationToken);
            }

            return null;
        };

        var query = await AskUndrainedAsync(bot);
        var acceptedWhenAnswered = FanOutScenario.CardsPerChat(bot.Connector.Requests).Count;
        var threadPostsWhenAnswered = bot.Connector.Requests.Count(r =>
            r.Method == "POST" && r.Path.Contains("/activities", StringComparison.Ordinal) && !FanOutScenario.IsExpertCardSend(r.Method, r.Path));
        release.SetResult();
        await bot.DrainOutboxAsync();

        // The turn stored the decision (all 50 asked) and answered while every card send was still held by the connector.
        Assert.Equal(0, acceptedWhenAnswered);
        Assert.All(query.Experts, e => Assert.Equal(AssignmentState.Asked, e.State));
        Assert.True(threadPostsWhenAnswered >= 1, "the acknowledgement card was posted in the thread within the turn");
        FanOutScenario.AssertEachExpertOnce(bot.Connector.Requests, Experts);
    }

    [Fact]
    public async Task HostStoppedMidFanOut_NextHostSendsTheRest_EachExpertExactlyOnce()
    {
        await using var bot = await StartAsync();
        bot.Connector.BeforeAnswer = async (request, cancellationToken) =>
        {
            if (FanOutScenario.IsExpertCardSend(request.Method, request.Path.Value ?? ""))
            {
                await Task.Delay(100, cancellationToken);
            }

            return null;
        };

        await AskUndrainedAsync(bot);
        await WaitUntilAsync(() => FanOutScenario.CardsPerChat(bot.Connector.Requests).Count >= 10, "the first cards");
        await bot.RestartAsync(); // the first host is disposed with the fan-out in flight, nothing drained
        var beforeRestart = FanOutScenario.CardsPerChat(bot.Connector.Requests).Count;
        await bot.DrainOutboxAsync();

        Assert.InRange(beforeRestart, 10, Experts - 1);
        FanOutScenario.AssertEachExpertOnce(bot.Connector.Requests, Experts);
    }

    [Fact]
    public async Task TwoHostsOnOneQueue_WithEveryMessageEnqueuedTwice_NeverSendTwice()
    {
        await using var first = await StartAsync();
        await using var second = await StartAsync(tablePrefix: first.TablePrefix, connector: first.Connector);
        first.Connector.BeforeAnswer = async (request, cancellationToken) =>
        {
            if (FanOutScenario.IsExpertCardSend(request.Method, request.Path.Value ?? ""))
            {
                await Task.Delay(20, cancellationToken);
            }

            return null;
        };

        var query = await AskUndrainedAsync(first);
        // A redelivered turn (or a third instance) enqueues the same asks again: same keys, one send each.
        await second.Services.GetRequiredService<IOutbox>().EnqueueAsync([.. query.Experts.Select(e => ExpertAskDelivery.Message(query, e))], CancellationToken.None);
        await first.DrainOutboxAsync();

        FanOutScenario.AssertEachExpertOnce(first.Connector.Requests, Experts);
        var senders = (await AsksSentAsync(first.Services)).Values.Distinct().Count();
        Assert.Equal(2, senders); // both instances took part
    }

    [Fact]
    public async Task MessageFailingEveryTime_MovedToThePoisonQueueAfterMaxDequeueCount_OthersSentOnce()
    {
        await using var bot = await StartAsync(new Dictionary<string, string?> { ["CopBot:Outbox:MaxDequeueCount"] = "3" });
        var unreachable = FanOutScenario.ChatOf(7);
        bot.Connector.BeforeAnswer = (request, _) => Task.FromResult<int?>(
            FanOutScenario.IsExpertCardSend(request.Method, request.Path.Value ?? "") && request.Path.Value!.Contains(unreachable, StringComparison.Ordinal) ? 500 : null);
        var queues = bot.Services.GetRequiredService<OutboxQueues>();
        await queues.Main.SendMessageAsync("this is not an outbox message");

        await AskUndrainedAsync(bot);
        await bot.DrainOutboxAsync();

        var poisoned = (await queues.Poison.ReceiveMessagesAsync(32)).Value.Select(m => m.MessageText).ToList();
        Assert.Equal(2, poisoned.Count);
        Assert.Contains("this is not an outbox message", poisoned);
        Assert.Contains(poisoned, p => OutboxMessage.TryParse(p, out var m) && m.Key.EndsWith(FanOutScenario.ExpertId(7), StringComparison.Ordinal));
        Assert.Equal(3, bot.Connector.Requests.Count(r => r.Path.Contains(unreachable, StringComparison.Ordinal)));
        var cards = FanOutScenario.CardsPerChat(bot.Connector.Requests);
        Assert.Equal(Experts - 1, cards.Count);
        Assert.All(cards.Values, count => Assert.Equal(1, count));
    }

    [Fact]
    public async Task NoQueueService_OutboxOff_CardsSentWithinTheTurn()
    {
        await using var bot = await BotHarness.StartAsync(
            azurite, authenticated: false, connectionString: azurite.TablesOnlyConnectionString, settings: FanOutScenario.Settings(5));
        await FanOutScenario.SeedAsync(bot.Services.GetRequiredService<IProfileStore>(), bot.Services.GetRequiredService<IContactStore>(), bot.Connector.ServiceUrl, 5);
        await bot.RefreshExpertIndexAsync();

        Assert.IsType<DirectOutbox>(bot.Services.GetRequiredService<IOutbox>());
        Assert.Null(bot.Services.GetService<OutboxQueues>());
        using var response = await bot.PostUndrainedAsync(FanOutScenario.Ask(bot.Payload("channel-message-mention")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        FanOutScenario.AssertEachExpertOnce(bot.Connector.Requests, 5);
    }

    /// <summary>The asks recorded as sent, by key, with who sent them (the card redraws that follow have keys of their own).</summary>
    private static async Task<Dictionary<string, string>> AsksSentAsync(IServiceProvider services) =>
        (await services.GetRequiredService<OutboxDeliveries>().SentAsync(CancellationToken.None))
            .Where(d => d.Key.StartsWith(ExpertAskDelivery.AskKind + "|", StringComparison.Ordinal))
            .ToDictionary(d => d.Key, d => d.Value);
}
