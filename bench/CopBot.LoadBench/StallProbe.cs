using System.Collections.Concurrent;
using System.Diagnostics;
using Azure.Data.Tables;
using CopBot.Testing;

namespace CopBot.LoadBench;

/// <summary>
/// Tells which process a slow second of the load belongs to. Beside the load, three light probes (every 25 ms each,
/// on the phase's own clock) time: the load generator's own timer (how late a 25 ms delay fires: its garbage
/// collector or a starved thread pool), the bot's HTTP pipeline (a GET of an unknown path: 404 without storage or
/// bot logic), and Azurite (a point read of a missing entity). A stall that shows in only one of them is that
/// process's; one that shows in all three is the machine's (2 cores, every process waiting for CPU). When Azurite runs
/// under <c>node --trace-gc</c>, its major collections (mark-compact) are noted too, by the second they ended in.
/// </summary>
internal sealed partial class StallProbe : IAsyncDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(25);
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task[] _loops;
    private readonly AzuriteServer _azurite;

    private StallProbe(HttpClient http, Uri botProbeUri, TableClient table, AzuriteServer azurite)
    {
        _azurite = azurite;
        azurite.LineReceived += NoteCollection;
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

    /// <summary>Azurite's major collections: the second each ended in, and its wall time from the start of marking.</summary>
    public ConcurrentBag<(int Second, double Ms)> AzuriteCollections { get; } = [];

    public static async Task<StallProbe> StartAsync(HttpClient http, BotProcess bot, AzuriteServer azurite)
    {
        var table = new TableClient(azurite.ConnectionString, "StallProbe");
        await table.CreateIfNotExistsAsync();
        return new StallProbe(http, new Uri($"http://127.0.0.1:{bot.Port}/stall-probe"), table, azurite);
    }

    public async ValueTask DisposeAsync()
    {
        _azurite.LineReceived -= NoteCollection;
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

    // V8's --trace-gc line for a major collection: "... Mark-Compact 360.6 (401.3) -> 107.0 (399.5) MB, 16.90 / 0.02 ms
    // (+ 75.3 ms in 305 steps since start of marking, biggest step 9.3 ms, walltime since start of marking 178 ms) ...".
    private void NoteCollection(string line)
    {
        if (MarkCompactWalltime().Match(line) is { Success: true } match)
        {
            AzuriteCollections.Add(((int)_clock.Elapsed.TotalSeconds, double.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)));
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"Mark-Compact.*walltime since start of marking (\d+(?:\.\d+)?) ms")]
    private static partial System.Text.RegularExpressions.Regex MarkCompactWalltime();

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
