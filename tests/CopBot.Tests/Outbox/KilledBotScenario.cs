using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using CopBot.Community;
using CopBot.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace CopBot.Tests.Outbox;

/// <summary>
/// What the kill tests share: the built bot's settings for a fan-out to <c>experts</c> on one storage account, the
/// seeded community (<see cref="FanOutScenario"/>), the question posted to a bot process, and patient polling.
/// </summary>
internal static class KilledBotScenario
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(40);

    /// <summary>The bot process's settings: this storage and table prefix, every expert asked, quick retries.</summary>
    public static Dictionary<string, string> Environment(string connectionString, string prefix, int experts) => new()
    {
        ["ConnectionStrings__Tables"] = connectionString,
        ["CopBot__TablePrefix"] = prefix,
        ["CopBot__Query__ExpertsPerQuery"] = $"{experts}",
        ["CopBot__Query__CandidatesKept"] = $"{experts}",
        ["CopBot__Knowledge__DuplicateCheck"] = "false",
        ["CopBot__Outbox__RetryDelay"] = "00:00:00.100",
        ["CopBot__Outbox__PollInterval"] = "00:00:00.200",
        ["BotConnector__RetryBaseDelay"] = "00:00:00.050",
        ["Logging__LogLevel__Polly"] = "Warning",
    };

    public static async Task SeedAsync(string connectionString, string prefix, string serviceUrl, int experts)
    {
        await using var provider = new ServiceCollection().AddLogging()
            .AddCopBotTableStorage(connectionString, o => o.TablePrefix = prefix)
            .BuildServiceProvider();
        await provider.GetRequiredService<CopBotTables>().EnsureCreatedAsync(CancellationToken.None);
        await FanOutScenario.SeedAsync(provider.GetRequiredService<IProfileStore>(), provider.GetRequiredService<IContactStore>(), serviceUrl, experts);
    }

    /// <summary>The fan-out question as a new channel thread, addressed to <paramref name="serviceUrl"/>.</summary>
    public static async Task<string> QuestionAsync(string serviceUrl)
    {
        var activity = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Payloads", "channel-message-mention.json")))!.AsObject();
        activity["serviceUrl"] = serviceUrl;
        return FanOutScenario.Ask(activity).ToJsonString();
    }

    public static async Task<HttpResponseMessage> PostAsync(BotProcess bot, string activity)
    {
        using var client = new HttpClient { Timeout = Patience };
        using var content = new StringContent(activity, Encoding.UTF8, "application/json");
        return await client.PostAsync(bot.MessagesUrl, content);
    }

    public static async Task WaitUntilAsync(Func<Task<bool>> condition, string what)
    {
        var waited = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(waited.Elapsed < Patience, $"timed out waiting for {what}");
            await Task.Delay(20);
        }
    }
}
