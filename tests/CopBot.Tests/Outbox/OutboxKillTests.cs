using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using CopBot.Community;
using CopBot.Outbox;
using CopBot.Storage;
using CopBot.Testing;
using Microsoft.Extensions.DependencyInjection;

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
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(40);

    [Fact]
    public async Task KillDash9MidFanOut_Restart_EachOfTheFiftyExpertsGetsExactlyOneCard()
    {
        var prefix = "K" + Guid.NewGuid().ToString("N")[..12];
        await using var connector = await FakeConnectorServer.StartAsync();
        await SeedAsync(prefix, connector.ServiceUrl);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var entered = 0;
        var held = 0;
        connector.BeforeAnswer = async (request, cancellationToken) =>
        {
            if (!FanOutScenario.IsExpertCardSend(request.Method, request.Path.Value ?? "") || Interlocked.Increment(ref entered) <= AcceptedBeforeKill)
            {
                return null;
            }

            Interlocked.Increment(ref held);
            try
            {
                await gate.Task.WaitAsync(cancellationToken);
                return null;
            }
            finally
            {
                Interlocked.Decrement(ref held);
            }
        };
        var environment = Environment(prefix);
        var deliveries = new OutboxDeliveries(new TableServiceClient(azurite.ConnectionString), new TableStorageOptions { ConnectionString = azurite.ConnectionString, TablePrefix = prefix });

        using (var first = BotProcess.Start(environment))
        {
            await first.WaitForLogAsync($"rebuilt: {Experts} experts", Patience);
            using var response = await PostQuestionAsync(first, connector.ServiceUrl);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);

            await WaitUntilAsync(async () => Volatile.Read(ref held) > 0 && (await deliveries.SentAsync(CancellationToken.None)).Keys.Count(k => k.StartsWith("query.ask|", StringComparison.Ordinal)) == AcceptedBeforeKill, "20 cards recorded and more in flight");
            await first.KillHardAsync();
        }

        // The held calls see their client gone and are dropped, as a request cut off before the service accepted it.
        await WaitUntilAsync(() => Task.FromResult(Volatile.Read(ref held) == 0), "the connector to notice the dead client");
        var beforeRestart = FanOutScenario.CardsPerChat(connector.Requests).Count;
        gate.SetResult();

        using (var second = BotProcess.Start(environment))
        {
            var queue = new QueueClient(azurite.ConnectionString, OutboxQueues.NameOf(prefix));
            var left = -1;
            try
            {
                await WaitUntilAsync(
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

    private Dictionary<string, string> Environment(string prefix) => new()
    {
        ["ConnectionStrings__Tables"] = azurite.ConnectionString,
        ["CopBot__TablePrefix"] = prefix,
        ["CopBot__Query__ExpertsPerQuery"] = $"{Experts}",
        ["CopBot__Query__CandidatesKept"] = $"{Experts}",
        ["CopBot__Knowledge__DuplicateCheck"] = "false",
        // Short leases so a claim left by the killed process goes stale within the test's time.
        ["CopBot__Outbox__VisibilityTimeout"] = "00:00:03",
        ["CopBot__Outbox__RetryDelay"] = "00:00:00.100",
        ["CopBot__Outbox__PollInterval"] = "00:00:00.200",
        ["BotConnector__RetryBaseDelay"] = "00:00:00.050",
        ["Logging__LogLevel__CopBot.Outbox"] = "Debug",
        ["Logging__LogLevel__Polly"] = "Warning",
    };

    private async Task SeedAsync(string prefix, string serviceUrl)
    {
        await using var provider = new ServiceCollection().AddLogging()
            .AddCopBotTableStorage(azurite.ConnectionString, o => o.TablePrefix = prefix)
            .BuildServiceProvider();
        await provider.GetRequiredService<CopBotTables>().EnsureCreatedAsync(CancellationToken.None);
        await FanOutScenario.SeedAsync(provider.GetRequiredService<IProfileStore>(), provider.GetRequiredService<IContactStore>(), serviceUrl, Experts);
    }

    private static async Task<HttpResponseMessage> PostQuestionAsync(BotProcess bot, string serviceUrl)
    {
        var activity = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Payloads", "channel-message-mention.json")))!.AsObject();
        activity["serviceUrl"] = serviceUrl;
        using var client = new HttpClient { Timeout = Patience };
        using var content = new StringContent(FanOutScenario.Ask(activity).ToJsonString(), Encoding.UTF8, "application/json");
        return await client.PostAsync(bot.MessagesUrl, content);
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string what)
    {
        var waited = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(waited.Elapsed < Patience, $"timed out waiting for {what}");
            await Task.Delay(20);
        }
    }
}
