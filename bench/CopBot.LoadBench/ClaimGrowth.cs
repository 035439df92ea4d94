using System.Diagnostics;
using System.Globalization;
using System.Text;
using CopBot.Community;
using CopBot.Storage;
using CopBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CopBot.LoadBench;

/// <summary>
/// Azurite's CPU per once-only claim as the claims table grows. CopBot's own store claims distinct activities, 32 at a
/// time as the bot's turns do (so they are group-committed as in the bot), on a fresh Azurite, and Azurite's CPU time
/// is read after every block. It tells the emulator's cost apart from the bot's: the soak writes hundreds of thousands
/// of claims, and what a claim costs the emulator then is what this table shows.
/// </summary>
internal static class ClaimGrowth
{
    private const int InFlight = 32;

    public static async Task<string> RunAsync(string root, int claims, int block)
    {
        using var azurite = await AzuriteServer.StartNewAsync(root);
        await using var services = new ServiceCollection()
            .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning))
            .AddCopBotTableStorage(azurite.ConnectionString, o => o.TablePrefix = "Growth")
            .BuildServiceProvider();
        await services.GetRequiredService<CopBotTables>().EnsureCreatedAsync(CancellationToken.None);
        var store = services.GetRequiredService<IProcessedActivityStore>();
        var azuriteId = azurite.ProcessId ?? throw new InvalidOperationException("Azurite stopped.");

        var report = new StringBuilder()
            .AppendLine("| claims in the table | Azurite CPU per claim (µs) | claims/s | Azurite RSS (MB) |")
            .AppendLine("|---|---|---|---|");
        for (var written = 0; written < claims; written += block)
        {
            var count = Math.Min(block, claims - written);
            var cpuBefore = CpuMeter.TotalProcessorTime(azuriteId);
            var clock = Stopwatch.StartNew();
            await ClaimAsync(store, written, count);
            var cpuPerClaim = (CpuMeter.TotalProcessorTime(azuriteId) - cpuBefore).TotalMicroseconds / count;
            report.AppendLine(CultureInfo.InvariantCulture,
                $"| {written:N0}–{written + count:N0} | {cpuPerClaim:F0} | {count / clock.Elapsed.TotalSeconds:F0} | {BotProcess.ResidentMegabytesOf(azuriteId):F0} |");
            Console.Error.WriteLine($"claims: {written + count:N0}");
        }

        return report.ToString();
    }

    private static async Task ClaimAsync(IProcessedActivityStore store, int first, int count)
    {
        var next = first - 1;
        async Task SenderAsync()
        {
            int id;
            while ((id = Interlocked.Increment(ref next)) < first + count)
            {
                if (!await store.TryBeginAsync("msteams", $"a:growth-{id % 2000}", $"activity-{id}", CancellationToken.None))
                {
                    throw new InvalidOperationException($"activity-{id} was claimed before: the ids must be distinct.");
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, InFlight).Select(_ => Task.Run(SenderAsync)));
    }
}
