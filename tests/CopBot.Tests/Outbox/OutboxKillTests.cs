using System.Net;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using CopBot.Outbox;
using CopBot.Storage;
using CopBot.Testing;
using CopBot.Tests.Support;

namespace CopBot.Tests.Outbox;

/// <summary>
/// <c>kill -9</c> of the bot process in the middle of a fan-out to 50 experts, then a restart: each expert gets
/// exactly one card. The fake connector lets 20 cards through and holds the next ones (in flight, not yet accepted
/// by the "service"); the kill lands once the 20 are recorded as sent, i.e. outside the one window the design cannot
/// close (between the connector accepting a card and the send record being written; see docs/reliability.md).
/// </summary>
[Collection(AzuriteFixture.Collection)]
public sealed class OutboxKillTests(AzuriteFixture azurite)
{
    private const int Experts = 50;
    private const int AcceptedBeforeKill = 20;

    [Fact]
    public async Task KillDash9MidFanOut_Restart_EachOfTheFiftyExpertsGetsExactlyOneCard()
    {
        var prefix = "K" + Guid.NewGuid().ToString("N")[..12];
        await using var connector = await FakeConnectorServer.StartAsync();
        await KilledBotScenario.SeedAsync(azurite.ConnectionString, prefix, connector.ServiceUrl, Experts);
        var entered = 0;
        var hold = ConnectorHold.On(connector, request =>
            FanOutScenario.IsExpertCardSend(request.Method, request.Path.Value ?? "") && Interlocked.Increment(ref entered) > AcceptedBeforeKill);
        var environment = KilledBotScenario.Environment(azurite.ConnectionString, prefix, Experts);
        // Short leases so a claim left by the killed process goes stale within the test's time.
        environment["CopBot__Outbox__VisibilityTimeout"] = "00:00:03";
        environment["Logging__LogLevel__CopBot.Outbox"] = "Debug";
        var deliveries = new OutboxDeliveries(new TableServiceClient(azurite.ConnectionString), new TableStorageOptions { ConnectionString = azurite.ConnectionString, TablePrefix = prefix });

        using (var first = BotProcess.Start(environment))
        {
            await first.WaitForLogAsync($"rebuilt: {Experts} experts", KilledBotScenario.Patience);
            using var response = await KilledBotScenario.PostAsync(first, await KilledBotScenario.QuestionAsync(connector.ServiceUrl));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);

            await KilledBotScenario.WaitUntilAsync(async () => hold.InFlight > 0 && (await deliveries.SentAsync(CancellationToken.None)).Keys.Count(k => k.StartsWith("query.ask|", StringComparison.Ordinal)) == AcceptedBeforeKill, "20 cards recorded and more in flight");
            await first.KillHardAsync();
        }

        // The held calls see their client gone and are dropped, as a request cut off before the service accepted it.
        await KilledBotScenario.WaitUntilAsync(() => Task.FromResult(hold.InFlight == 0), "the connector to notice the dead client");
        var beforeRestart = FanOutScenario.CardsPerChat(connector.Requests).Count;
        hold.Release();

        using (var second = BotProcess.Start(environment))
        {
            var queue = new QueueClient(azurite.ConnectionString, OutboxQueues.NameOf(prefix));
            var left = -1;
            try
            {
                await KilledBotScenario.WaitUntilAsync(
                    async () => FanOutScenario.CardsPerChat(connector.Requests).Count == Experts && (left = (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount) == 0,
                    "the restarted bot to send the rest");
            }
            catch (Xunit.Sdk.XunitException)
            {
                Assert.Fail($"{FanOutScenario.CardsPerChat(connector.Requests).Count} experts reached, {left} messages left. Restarted bot's log:\n{second.Output}");
            }
        }

        Assert.Equal(AcceptedBeforeKill, beforeRestart);
        FanOutScenario.AssertEachExpertOnce(connector.Requests, Experts);
    }
}
