using System.Net;
using System.Text;
using CopBot.Testing;
using CopBot.Tests.Support;
using CopBot.Turns;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CopBot.Tests;

/// <summary>
/// A message is acknowledged as soon as the inbox holds it and its turn runs afterwards: through the real pipeline on
/// Azurite, the acknowledgement does not wait for the reply, one delivery of many runs, a stopping host finishes its
/// turns, a turn that keeps failing is given up and kept aside, and an activity too large to keep runs within its request.
/// </summary>
[Collection(AzuriteFixture.Collection)]
public sealed class InboxTests(AzuriteFixture azurite)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    /// <summary>Fails on the word "boom", standing in for a bug in a handler.</summary>
    private sealed class ExplodingFeature : IBotFeature
    {
        public IEnumerable<TurnRoute> Routes => [new("boom", t => t.Command.Is("boom"), (_, _) => throw new InvalidOperationException("handler bug"))];

        public IEnumerable<CardActionRoute> CardActions => [];
    }

    [Fact]
    public async Task Message_AcknowledgedWhileItsReplyIsHeld_TheReplyFollowsOnce_NothingLeftUnfinished()
    {
        await using var bot = await BotHarness.StartAsync(azurite, authenticated: false);
        var hold = ConnectorHold.On(bot.Connector);

        using (var response = await PostWithoutWaitingAsync(bot, bot.HelpMessage("inbox-ack-1").ToJsonString()))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        await hold.FirstHeld.WaitAsync(Patience);
        Assert.DoesNotContain(bot.Sent, r => r.StatusCode < 300);
        Assert.Equal(1, await UnfinishedCountAsync(bot));

        hold.Release();
        await bot.Services.GetRequiredService<BackgroundTurns>().WhenIdleAsync().WaitAsync(Patience);
        Assert.Single(bot.Sent, r => r.StatusCode < 300);
        Assert.Equal(0, await UnfinishedCountAsync(bot));
    }

    [Fact]
    public async Task HalfTheTurnCapTaken_TheAcknowledgementWaitsForItsTurn()
    {
        // Cap 4: two acknowledged turns held by the connector take half of it, so the third message's acknowledgement
        // waits for its own turn (backpressure) instead of coming at once.
        await using var bot = await BotHarness.StartAsync(
            azurite, authenticated: false, settings: new Dictionary<string, string?> { ["CopBot:MaxConcurrentTurns"] = "4" });
        var hold = ConnectorHold.On(bot.Connector);
        foreach (var id in new[] { "inbox-pressure-1", "inbox-pressure-2" })
        {
            using var acknowledged = await PostWithoutWaitingAsync(bot, bot.HelpMessage(id).ToJsonString());
            Assert.Equal(HttpStatusCode.OK, acknowledged.StatusCode);
        }

        var third = PostWithoutWaitingAsync(bot, bot.HelpMessage("inbox-pressure-3").ToJsonString());
        await Task.Delay(500);
        Assert.False(third.IsCompleted, "the third acknowledgement came while half the cap was taken");

        hold.Release();
        using (var response = await third.WaitAsync(Patience))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        await bot.Services.GetRequiredService<BackgroundTurns>().WhenIdleAsync().WaitAsync(Patience);
        Assert.Equal(3, bot.Sent.Count(r => r.StatusCode < 300));
    }

    [Fact]
    public async Task SameMessageThreeTimesAtOnce_OneTurnAndOneReply()
    {
        await using var bot = await BotHarness.StartAsync(azurite, authenticated: false);
        var message = bot.HelpMessage("inbox-thrice-1").ToJsonString();

        var responses = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => PostWithoutWaitingAsync(bot, message)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        await bot.Services.GetRequiredService<BackgroundTurns>().WhenIdleAsync().WaitAsync(Patience);
        Assert.Single(bot.Sent);
        Assert.Equal(0, await UnfinishedCountAsync(bot));
    }

    [Fact]
    public async Task HostStopping_FinishesTheAcknowledgedTurnsFirst()
    {
        await using var bot = await BotHarness.StartAsync(azurite, authenticated: false);
        var hold = ConnectorHold.On(bot.Connector);
        using (await PostWithoutWaitingAsync(bot, bot.HelpMessage("inbox-stop-1").ToJsonString()))
        {
            await hold.FirstHeld.WaitAsync(Patience);
        }

        var stopping = bot.Factory.DisposeAsync().AsTask();
        await Task.Delay(300);
        Assert.False(stopping.IsCompleted, "the host stopped with a turn still running");
        hold.Release();
        await stopping.WaitAsync(Patience);

        Assert.Single(bot.Sent, r => r.StatusCode < 300);
        Assert.Equal(0, await UnfinishedCountAsync(bot));
    }

    [Fact]
    public async Task TurnFailingEveryTime_GivenUpAfterMaxAttempts_KeptAsideAndLoggedAsAnError()
    {
        var logs = new RecordingLoggerProvider();
        await using var bot = await BotHarness.StartAsync(
            azurite,
            authenticated: false,
            configureServices: s => s.AddSingleton<IBotFeature, ExplodingFeature>().AddSingleton<ILoggerProvider>(logs),
            settings: InboxSettings.GiveUpQuickly);
        bot.Connector.FailNext(500, times: 1000);
        var message = bot.Payload("personal-message");
        message["id"] = "inbox-poison-1";
        message["text"] = "boom";

        using var response = await bot.PostAsync(message);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(await Eventually.TrueAsync(async () => await AbandonedCountAsync(bot) == 1, TimeSpan.FromSeconds(10)), "the activity to be given up");
        await bot.Services.GetRequiredService<BackgroundTurns>().WhenIdleAsync().WaitAsync(Patience);
        var givenUp = Assert.Single(logs.Messages, m => m.StartsWith("Error Gave up on activity inbox-poison-1", StringComparison.Ordinal));
        Assert.Contains("after 2 turns", givenUp, StringComparison.Ordinal);
        Assert.Equal(2, bot.Sent.Count(r => (string?)r.Json?["text"] == TurnProcessor.Apology));
        Assert.Equal(0, await UnfinishedCountAsync(bot));
    }

    [Fact]
    public async Task ActivityTooLargeToKeep_RunsWithinItsRequest_AndIsClaimedOnce()
    {
        await using var bot = await BotHarness.StartAsync(
            azurite, authenticated: false, settings: new Dictionary<string, string?> { ["CopBot:MaxRequestBodyBytes"] = "1048576" });
        var message = bot.HelpMessage("inbox-large-1");
        message["channelData"]!.AsObject()["padding"] = new string('x', 500_000);

        using (var response = await PostWithoutWaitingAsync(bot, message.ToJsonString()))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            // Within the request: the reply was sent before the acknowledgement, with no turn left running.
            Assert.Single(bot.Sent, r => r.StatusCode < 300);
            Assert.Equal(0, bot.Services.GetRequiredService<BackgroundTurns>().Count);
        }

        using (await PostWithoutWaitingAsync(bot, message.ToJsonString()))
        {
            Assert.Single(bot.Sent);
        }

        Assert.Equal(0, await UnfinishedCountAsync(bot));
        Assert.Equal(1, await bot.CountAsync("ProcessedActivities"));
    }

    private static async Task<HttpResponseMessage> PostWithoutWaitingAsync(BotHarness bot, string body)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        return await bot.Client.PostAsync(new Uri("/api/messages", UriKind.Relative), content);
    }

    private static Task<int> UnfinishedCountAsync(BotHarness bot) => InboxRows.UnfinishedAsync(bot.ConnectionString, bot.TablePrefix);

    private static Task<int> AbandonedCountAsync(BotHarness bot) => InboxRows.AbandonedAsync(bot.ConnectionString, bot.TablePrefix);
}
