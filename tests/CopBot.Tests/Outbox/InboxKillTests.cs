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
/// <c>kill -9</c> of the bot after it acknowledged a question and before its turn got as far as the fan-out (the
/// connector holds the acknowledgement card), then a restart: the restarted bot takes the unfinished activity over once
/// its lease runs out, posts the acknowledgement once and notifies each of the 50 experts exactly once; a redelivery of
/// the same activity changes nothing.
/// </summary>
[Collection(AzuriteFixture.Collection)]
public sealed class InboxKillTests(AzuriteFixture azurite)
{
    private const int Experts = 50;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(40);

    [Fact]
    public async Task KillDash9AfterTheAcknowledgement_BeforeTheFanOut_Restart_QuestionRoutedOnce()
    {
        var prefix = "I" + Guid.NewGuid().ToString("N")[..12];
        await using var connector = await FakeConnectorServer.StartAsync();
        await SeedAsync(prefix, connector.ServiceUrl);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var held = 0;
        connector.BeforeAnswer = async (request, cancellationToken) =>
        {
            if (!IsThreadPost(request.Method, request.Path.Value ?? "") || gate.Task.IsCompleted)
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
        var question = await QuestionAsync(connector.ServiceUrl);

        using (var first = BotProcess.Start(Environment(prefix, sweepInterval: "00:01:00")))
        {
            await first.WaitForLogAsync($"rebuilt: {Experts} experts", Patience);
            using (var response = await PostAsync(first, question))
            {
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            }

            await WaitUntilAsync(() => Task.FromResult(Volatile.Read(ref held) > 0), "the acknowledgement card in flight");
            await first.KillHardAsync();
        }

        await WaitUntilAsync(() => Task.FromResult(Volatile.Read(ref held) == 0), "the connector to notice the dead client");
        Assert.Empty(FanOutScenario.CardsPerChat(connector.Requests));
        Assert.Equal(1, await UnfinishedCountAsync(prefix));
        gate.SetResult();

        using (var second = BotProcess.Start(Environment(prefix, sweepInterval: "00:00:00.200")))
        {
            var queue = new QueueClient(azurite.ConnectionString, OutboxQueues.NameOf(prefix));
            try
            {
                await WaitUntilAsync(
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
            using var redelivered = await PostAsync(second, question);
            Assert.Equal(HttpStatusCode.OK, redelivered.StatusCode);
            await Task.Delay(500);
        }

        FanOutScenario.AssertEachExpertOnce(connector.Requests, Experts);
        Assert.Single(connector.Requests, r => r.StatusCode < 300 && IsThreadPost(r.Method, r.Path));
    }

    // A post into the question's channel thread (the acknowledgement card), as opposed to an expert's 1:1 chat.
    private static bool IsThreadPost(string method, string path) =>
        method == "POST" && path.Contains("/v3/conversations/19:", StringComparison.Ordinal);

    private Dictionary<string, string> Environment(string prefix, string sweepInterval) => new()
    {
        ["ConnectionStrings__Tables"] = azurite.ConnectionString,
        ["CopBot__TablePrefix"] = prefix,
        ["CopBot__Query__ExpertsPerQuery"] = $"{Experts}",
        ["CopBot__Query__CandidatesKept"] = $"{Experts}",
        ["CopBot__Knowledge__DuplicateCheck"] = "false",
        // A short lease so the killed bot's activity goes stale within the test's time. The first bot sweeps only at
        // start, so it never takes over its own turn while that is held.
        ["CopBot__Inbox__Lease"] = "00:00:02",
        ["CopBot__Inbox__SweepInterval"] = sweepInterval,
        ["CopBot__Outbox__RetryDelay"] = "00:00:00.100",
        ["CopBot__Outbox__PollInterval"] = "00:00:00.200",
        ["BotConnector__RetryBaseDelay"] = "00:00:00.050",
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

    private async Task<int> UnfinishedCountAsync(string prefix)
    {
        var table = new TableClient(azurite.ConnectionString, prefix + "Inbox");
        var count = 0;
        await foreach (var row in table.QueryAsync<TableEntity>(select: ["RowKey"]))
        {
            count += row.RowKey.StartsWith("unfinished|", StringComparison.Ordinal) ? 1 : 0;
        }

        return count;
    }

    private static async Task<string> QuestionAsync(string serviceUrl)
    {
        var activity = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Payloads", "channel-message-mention.json")))!.AsObject();
        activity["serviceUrl"] = serviceUrl;
        return FanOutScenario.Ask(activity).ToJsonString();
    }

    private static async Task<HttpResponseMessage> PostAsync(BotProcess bot, string question)
    {
        using var client = new HttpClient { Timeout = Patience };
        using var content = new StringContent(question, Encoding.UTF8, "application/json");
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
