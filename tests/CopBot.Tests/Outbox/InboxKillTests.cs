using System.Net;
using Azure.Storage.Queues;
using CopBot.Outbox;
using CopBot.Testing;
using CopBot.Tests.Support;

namespace CopBot.Tests.Outbox;

/// <summary>
/// <c>kill -9</c> of the bot after it acknowledged a question and before its turn got as far as the fan-out (the
/// connector holds the acknowledgement card), then a restart: the restarted bot takes the unfinished activity over once
/// its lease runs out, posts the acknowledgement once and notifies each of the 50 experts exactly once; a redelivery of
/// the same activity changes nothing.
/// </summary>
[Collection(AzuriteFixture.Collection)]
public sealed class InboxKillTests(AzuriteFixture azurite)
{
    private const int Experts = 50;

    [Fact]
    public async Task KillDash9AfterTheAcknowledgement_BeforeTheFanOut_Restart_QuestionRoutedOnce()
    {
        var prefix = "I" + Guid.NewGuid().ToString("N")[..12];
        await using var connector = await FakeConnectorServer.StartAsync();
        await KilledBotScenario.SeedAsync(azurite.ConnectionString, prefix, connector.ServiceUrl, Experts);
        var hold = ConnectorHold.On(connector, request => IsThreadPost(request.Method, request.Path.Value ?? ""));
        var question = await KilledBotScenario.QuestionAsync(connector.ServiceUrl);

        using (var first = BotProcess.Start(Environment(prefix, sweepInterval: "00:01:00")))
        {
            await first.WaitForLogAsync($"rebuilt: {Experts} experts", KilledBotScenario.Patience);
            using (var response = await KilledBotScenario.PostAsync(first, question))
            {
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            }

            await KilledBotScenario.WaitUntilAsync(() => Task.FromResult(hold.InFlight > 0), "the acknowledgement card in flight");
            await first.KillHardAsync();
        }

        await KilledBotScenario.WaitUntilAsync(() => Task.FromResult(hold.InFlight == 0), "the connector to notice the dead client");
        Assert.Empty(FanOutScenario.CardsPerChat(connector.Requests));
        Assert.Equal(1, await UnfinishedCountAsync(prefix));
        hold.Release();

        using (var second = BotProcess.Start(Environment(prefix, sweepInterval: "00:00:00.200")))
        {
            var queue = new QueueClient(azurite.ConnectionString, OutboxQueues.NameOf(prefix));
            try
            {
                await KilledBotScenario.WaitUntilAsync(
                    async () => FanOutScenario.CardsPerChat(connector.Requests).Count == Experts
                        && (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount == 0
                        && await UnfinishedCountAsync(prefix) == 0,
                    "the restarted bot to take the question over");
            }
            catch (Xunit.Sdk.XunitException)
            {
                Assert.Fail($"{FanOutScenario.CardsPerChat(connector.Requests).Count} experts reached. Restarted bot's log:\n{second.Output}");
            }

            Assert.Contains("Taking over unfinished activity", second.Output, StringComparison.Ordinal);
            using var redelivered = await KilledBotScenario.PostAsync(second, question);
            Assert.Equal(HttpStatusCode.OK, redelivered.StatusCode);
            await Task.Delay(500);
        }

        FanOutScenario.AssertEachExpertOnce(connector.Requests, Experts);
        Assert.Single(connector.Requests, r => r.StatusCode < 300 && IsThreadPost(r.Method, r.Path));
    }

    // A post into the question's channel thread (the acknowledgement card), as opposed to an expert's 1:1 chat.
    private static bool IsThreadPost(string method, string path) =>
        method == "POST" && path.Contains("/v3/conversations/19:", StringComparison.Ordinal);

    private Dictionary<string, string> Environment(string prefix, string sweepInterval)
    {
        var environment = KilledBotScenario.Environment(azurite.ConnectionString, prefix, Experts);
        // A short lease so the killed bot's activity goes stale within the test's time. The first bot sweeps only at
        // start, so it never takes over its own turn while that is held.
        environment["CopBot__Inbox__Lease"] = "00:00:02";
        environment["CopBot__Inbox__SweepInterval"] = sweepInterval;
        return environment;
    }

    private Task<int> UnfinishedCountAsync(string prefix) => InboxRows.UnfinishedAsync(azurite.ConnectionString, prefix);
}
