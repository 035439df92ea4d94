using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;

namespace CopBot.LoadBench;

/// <summary>What became of one request: acknowledged, refused with 503 and Retry-After (shed load: Teams redelivers it), or failed.</summary>
internal enum SendOutcome
{
    Acknowledged,
    Refused,
    Failed,
}

/// <summary>
/// What one load phase measured: completed turns, refusals (503 with Retry-After), failures and acknowledgement
/// latencies, each with the second of the phase its request was sent in (so a tail can be told apart: a few stalls, or
/// slow throughout).
/// </summary>
internal sealed record LoadResult(string Bot, string Phase, TimeSpan Duration, int Completed, int Refused, int Failed, (int Second, double Ms)[] Acks)
{
    public double RequestsPerSecond => Completed / Duration.TotalSeconds;

    public double Percentile(double p) => Percentile(Acks.Select(a => a.Ms), p);

    /// <summary>Each second of the phase with its own ack p99, in order.</summary>
    public IReadOnlyList<(int Second, double P99)> SecondByP99() =>
        [.. Acks.GroupBy(a => a.Second).OrderBy(g => g.Key).Select(g => (g.Key, Percentile(g.Select(a => a.Ms), 99)))];

    private static double Percentile(IEnumerable<double> latencies, double p)
    {
        var sorted = latencies.Order().ToArray();
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        var rank = (int)Math.Ceiling(p / 100 * sorted.Length) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
    }
}

/// <summary>
/// Posts Teams-shaped personal messages to a bot, spread over many conversations (Teams limits each conversation to
/// about 2 messages a second, which CopBot's connector client respects): closed loop (N senders, each sending its next
/// message as soon as the previous one is acknowledged: the peak) or open loop (a fixed arrival rate, latency measured from
/// the scheduled send time so a stalled bot cannot hide its queueing).
/// </summary>
/// <param name="serviceUrlOf">The service URL a bot's messages carry (each bot its own, so its replies are counted apart).</param>
internal sealed class LoadRun(HttpClient http, Func<BotProcess, string> serviceUrlOf, IReadOnlyList<string> texts)
{
    private long _sequence;

    public async Task<LoadResult> ClosedLoopAsync(BotProcess bot, string phase, int concurrency, int conversations, TimeSpan duration, long maxRequests = long.MaxValue)
    {
        var acks = new System.Collections.Concurrent.ConcurrentBag<(int, double)>();
        var refused = 0;
        var failed = 0;
        var clock = Stopwatch.StartNew();
        var next = 0L;
        var workers = Enumerable.Range(0, concurrency).Select(async _ =>
        {
            while (clock.Elapsed < duration)
            {
                var request = Interlocked.Increment(ref next);
                if (request > maxRequests)
                {
                    break;
                }

                var second = (int)clock.Elapsed.TotalSeconds;
                var started = Stopwatch.GetTimestamp();
                Count(await PostAsync(bot, (int)(request % conversations)), second, started, acks, ref refused, ref failed);
            }
        });
        await Task.WhenAll(workers);
        return new LoadResult(bot.Name, phase, clock.Elapsed, acks.Count, refused, failed, [.. acks]);
    }

    public Task<LoadResult> OpenLoopAsync(BotProcess bot, string phase, double perSecond, TimeSpan duration, int conversations, Action<int>? everySecond = null) =>
        OpenLoopAsync(bot.Name, phase, perSecond, duration, conversations, (conversation, _) => PostAsync(bot, conversation), everySecond);

    /// <summary>
    /// The open loop over any turn: <paramref name="send"/> gets the conversation and the request's sequence number and
    /// says what became of it (the storage floor runs the bot's storage calls through the same schedule).
    /// </summary>
    public static async Task<LoadResult> OpenLoopAsync(
        string name, string phase, double perSecond, TimeSpan duration, int conversations, Func<int, long, Task<SendOutcome>> send, Action<int>? everySecond = null)
    {
        var acks = new System.Collections.Concurrent.ConcurrentBag<(int, double)>();
        var refused = 0;
        var failed = 0;
        var inFlight = new List<Task>();
        var clock = Stopwatch.StartNew();
        var sent = 0L;
        var lastTick = 0L;
        while (clock.Elapsed < duration)
        {
            var due = (long)(clock.Elapsed.TotalSeconds * perSecond);
            for (; sent < due; sent++)
            {
                var scheduled = Stopwatch.GetTimestamp();
                var second = (int)clock.Elapsed.TotalSeconds;
                var conversation = (int)(sent % conversations);
                var sequence = sent;
                inFlight.Add(Task.Run(async () => Count(await send(conversation, sequence), second, scheduled, acks, ref refused, ref failed)));
            }

            if ((long)clock.Elapsed.TotalSeconds > lastTick)
            {
                lastTick = (long)clock.Elapsed.TotalSeconds;
                inFlight.RemoveAll(t => t.IsCompleted);
                everySecond?.Invoke(inFlight.Count);
            }

            await Task.Delay(5);
        }

        await Task.WhenAll(inFlight);
        return new LoadResult(name, phase, clock.Elapsed, acks.Count, refused, failed, [.. acks]);
    }

    private static void Count(SendOutcome outcome, int second, long started, System.Collections.Concurrent.ConcurrentBag<(int, double)> acks, ref int refused, ref int failed)
    {
        switch (outcome)
        {
            case SendOutcome.Acknowledged:
                acks.Add((second, Stopwatch.GetElapsedTime(started).TotalMilliseconds));
                break;
            case SendOutcome.Refused:
                Interlocked.Increment(ref refused);
                break;
            default:
                Interlocked.Increment(ref failed);
                break;
        }
    }

    public static string ConversationId(int conversation) => $"a:load-conversation-{conversation}";

    public static string AadObjectId(int conversation) => $"00000000-0000-4000-8000-{conversation:D12}";

    private async Task<SendOutcome> PostAsync(BotProcess bot, int conversation)
    {
        var sequence = Interlocked.Increment(ref _sequence);
        using var content = new StringContent(MessageJson(serviceUrlOf(bot), $"load-{sequence}", conversation, texts[(int)(sequence % texts.Count)]), Encoding.UTF8, "application/json");
        try
        {
            using var response = await http.PostAsync(bot.MessagesUri, content);
            return response.IsSuccessStatusCode ? SendOutcome.Acknowledged
                : response.StatusCode == System.Net.HttpStatusCode.ServiceUnavailable && response.Headers.RetryAfter is not null ? SendOutcome.Refused
                : SendOutcome.Failed;
        }
        catch (HttpRequestException)
        {
            return SendOutcome.Failed;
        }
        catch (TaskCanceledException)
        {
            return SendOutcome.Failed;
        }
    }

    /// <summary>A personal-chat message as Teams sends it (the fields both bots read).</summary>
    public static string MessageJson(string serviceUrl, string id, int conversation, string text) => new JsonObject
    {
        ["type"] = "message",
        ["id"] = id,
        ["timestamp"] = DateTimeOffset.UtcNow.ToString("o"),
        ["channelId"] = "msteams",
        ["serviceUrl"] = serviceUrl,
        ["from"] = new JsonObject { ["id"] = $"29:load-user-{conversation}", ["name"] = $"Load user {conversation}", ["aadObjectId"] = AadObjectId(conversation) },
        ["conversation"] = new JsonObject { ["conversationType"] = "personal", ["tenantId"] = "6e3a9f1c-2b47-4d8a-9c5e-0f1d2a3b4c5d", ["id"] = ConversationId(conversation) },
        ["recipient"] = new JsonObject { ["id"] = "28:copbot-load", ["name"] = "CopBot" },
        ["text"] = text,
        ["textFormat"] = "plain",
        ["locale"] = "en-GB",
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = "6e3a9f1c-2b47-4d8a-9c5e-0f1d2a3b4c5d" } },
    }.ToJsonString();
}

/// <summary>One soak sample: CopBot's and Azurite's resident memory, the requests sent but not yet acknowledged, CopBot's open descriptors.</summary>
internal sealed record SoakSample(double Second, double Megabytes, double AzuriteMegabytes, int Outstanding, int Descriptors);
