using System.Collections.Concurrent;
using System.Diagnostics;
using Azure.Data.Tables;

namespace CopBot.LoadBench;

/// <summary>
/// Tells which process a slow second of the load belongs to. Beside the load, three light probes (every 25 ms each,
/// on the phase's own clock) time: the load generator's own timer (how late a 25 ms delay fires: its garbage
/// collector or a starved thread pool), the bot's HTTP pipeline (a GET of an unknown path: 404 without storage or
/// bot logic), and Azurite (a point read of a missing entity). A stall that shows in only one of them is that
/// process's; one that shows in all three is the machine's (2 cores, every process waiting for CPU).
/// </summary>
internal sealed class StallProbe : IAsyncDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(25);
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task[] _loops;

    private StallProbe(HttpClient http, Uri botProbeUri, TableClient table)
    {
        _loops =
        [
            LoopAsync(Generator, async ct => await Task.Delay(Interval, ct), isTimer: true),
            LoopAsync(Bot, async ct => (await http.GetAsync(botProbeUri, ct)).Dispose(), isTimer: false),
            LoopAsync(Storage, async ct => await table.GetEntityIfExistsAsync<TableEntity>("probe", "missing", cancellationToken: ct), isTimer: false),
        ];
    }

    /// <summary>How late the generator's 25 ms delay fired (ms beyond 25).</summary>
    public ConcurrentBag<(int Second, double Ms)> Generator { get; } = [];

    public ConcurrentBag<(int Second, double Ms)> Bot { get; } = [];

    public ConcurrentBag<(int Second, double Ms)> Storage { get; } = [];

    public static async Task<StallProbe> StartAsync(HttpClient http, BotProcess bot, string tableConnectionString)
    {
        var table = new TableClient(tableConnectionString, "StallProbe");
        await table.CreateIfNotExistsAsync();
        return new StallProbe(http, new Uri($"http://127.0.0.1:{bot.Port}/stall-probe"), table);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await Task.WhenAll(_loops);
        }
        catch (OperationCanceledException)
        {
            // Stopping is the only way out of the loops.
        }

        _stop.Dispose();
    }

    // A timer probe records how late its delay fired and loops at once; the others wait the interval between requests.
    private async Task LoopAsync(ConcurrentBag<(int, double)> samples, Func<CancellationToken, Task> probe, bool isTimer)
    {
        while (!_stop.IsCancellationRequested)
        {
            var second = (int)_clock.Elapsed.TotalSeconds;
            var started = Stopwatch.GetTimestamp();
            try
            {
                await probe(_stop.Token);
            }
            catch (HttpRequestException)
            {
                // A refused probe still took its time: the sample below records it.
            }
            catch (Azure.RequestFailedException)
            {
                // As above.
            }

            var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            samples.Add((second, isTimer ? Math.Max(0, ms - Interval.TotalMilliseconds) : ms));
            if (!isTimer)
            {
                await Task.Delay(Interval, _stop.Token);
            }
        }
    }
}
