using System.Globalization;
using CopBot.LoadBench;
using CopBot.Testing;

// Throughput of CopBot doing real work (turn pipeline, Table Storage on Azurite, card replies to a connector)
// beside the JS Bot Framework SDK's echo bot under the same load, in the same run, on loopback only.
var options = LoadOptions.Parse(args);
var root = AzuriteServer.FindRepositoryRoot(AppContext.BaseDirectory);
if (options.ClaimGrowth is { } claims)
{
    Console.WriteLine(await ClaimGrowth.RunAsync(root, claims, block: 50_000));
    return 0;
}

var copBotDll = options.CopBotDll ?? Path.Combine(root, "src", "CopBot", "bin", "Release", "net10.0", "CopBot.dll");
var echoDir = Path.Combine(root, "bench", "js-echo");
if (!File.Exists(copBotDll) || !Directory.Exists(Path.Combine(echoDir, "node_modules", "botbuilder")))
{
    Console.Error.WriteLine($"Missing {copBotDll} or {echoDir}/node_modules: run bench/load.sh, which builds and installs both.");
    return 2;
}

using var azurite = await AzuriteServer.StartNewAsync(root, nodeOptions: options.AzuriteNodeArguments);
await using var connector = await CountingConnector.StartAsync();
using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256, PooledConnectionLifetime = TimeSpan.FromMinutes(30) }) { Timeout = TimeSpan.FromSeconds(30) };
const string CopBotRegion = "amer";
var load = new LoadRun(http, bot => connector.ServiceUrl(bot.Name == "CopBot" ? CopBotRegion : "emea"), options.Texts);
var results = new List<LoadResult>();
var rss = new List<SoakSample>();
var cpu = new CpuLedger();
var probes = new List<ProbeSamples>();
var azuriteId = azurite.ProcessId ?? throw new InvalidOperationException("Azurite stopped.");

async Task<bool> Healthy(int port, string _)
{
    try
    {
        using var response = await http.GetAsync(new Uri($"http://127.0.0.1:{port}/healthz"));
        return response.IsSuccessStatusCode;
    }
    catch (HttpRequestException)
    {
        return false;
    }
}

async Task WarmUpAsync(BotProcess bot)
{
    Console.Error.WriteLine($"{bot.Name}: warm-up");
    // Every conversation once, reported on its own: a first contact is dearer (CopBot records how to reach the member).
    // Then 5 s of warm-up, so the peak measures the steady state and not however many first contacts it happens to reach.
    results.Add(await load.ClosedLoopAsync(bot, "first contact (each conversation once)", options.Concurrency, options.Conversations, TimeSpan.FromMinutes(2), options.Conversations));
    await load.ClosedLoopAsync(bot, "warm-up", options.Concurrency, options.Conversations, TimeSpan.FromSeconds(5));
}

async Task<LoadResult> PeakAsync(BotProcess bot, int round)
{
    var meter = CpuMeter.Start([(bot.Name, bot.ProcessId), ("Azurite (Table Storage)", azuriteId), ("load generator and fake connector", Environment.ProcessId)]);
    var peak = await load.ClosedLoopAsync(bot, $"peak, round {round} of {options.Rounds}", options.Concurrency, options.Conversations, options.RoundDuration);
    cpu.Add(bot.Name, peak.Completed, meter);
    results.Add(peak);
    Console.Error.WriteLine($"{bot.Name}: peak, round {round}: {peak.RequestsPerSecond:F0}/s");
    return peak;
}

async Task HalfOfPeakAsync(BotProcess bot, double half, StorageFloor? floor = null)
{
    // Unmeasured, as before each peak: the bot has idled (or the other bot stopped) since its last round.
    await load.OpenLoopAsync(bot, "warm-up", half, TimeSpan.FromSeconds(5), options.Conversations);
    var slowBefore = bot.SlowTurns.Count;
    await using (var probe = await StallProbe.StartAsync(http, bot, azurite))
    {
        results.Add(await load.OpenLoopAsync(bot, $"half of peak ({half:F0}/s)", half, options.Duration, options.Conversations));
        await Task.Delay(500); // the bot's last log lines of the phase
        probes.Add(ProbeSamples.From(bot.Name, probe, [.. bot.SlowTurns.Skip(slowBefore)], options.AzuriteGc));
    }

    if (floor is not null)
    {
        // The bot idles meanwhile: what its storage calls alone take at the same rate is the floor under its acks.
        Console.Error.WriteLine($"{bot.Name}: storage floor at {half:F0}/s");
        await LoadRun.OpenLoopAsync(StorageFloor.Name, "warm-up", half, TimeSpan.FromSeconds(5), options.Conversations, floor.TurnAsync); // its clients' first calls
        results.Add(await LoadRun.OpenLoopAsync(StorageFloor.Name, $"half of CopBot's peak ({half:F0}/s)", half, options.Duration, options.Conversations, floor.TurnAsync));
        await floor.DrainAsync();
    }
}

async Task SoakAsync(BotProcess bot, double rate)
{
    Console.Error.WriteLine($"{bot.Name}: soak {options.Soak.TotalMinutes:F0} min at {rate:F0}/s");
    var started = DateTime.UtcNow;
    SoakSample Sample(int outstanding) =>
        new((DateTime.UtcNow - started).TotalSeconds, bot.ResidentMegabytes(), BotProcess.ResidentMegabytesOf(azuriteId), outstanding, bot.OpenDescriptors());
    rss.Add(Sample(0));
    results.Add(await load.OpenLoopAsync(bot, $"soak ({rate:F0}/s)", rate, options.Soak, options.Conversations, outstanding =>
    {
        if ((DateTime.UtcNow - started).TotalSeconds - rss[^1].Second >= 10)
        {
            rss.Add(Sample(outstanding));
        }
    }));
    rss.Add(Sample(0));
}

var tablePrefix = "Load" + Guid.NewGuid().ToString("N")[..8];
using var floor = StorageFloor.Create(azurite.ConnectionString, tablePrefix, options.Texts);
var copBotEnvironment = new Dictionary<string, string>
{
    ["ASPNETCORE_URLS"] = "http://127.0.0.1:{port}",
    ["ASPNETCORE_ENVIRONMENT"] = "Production",
    ["ConnectionStrings__Tables"] = options.TableAuth == TableAuth.Sas ? SasConnectionString.For(azurite) : azurite.ConnectionString,
    ["CopBot__TablePrefix"] = tablePrefix,
    ["Logging__LogLevel__Default"] = "Warning",
    ["CopBot__SlowTurnWarning"] = "00:00:00.100",
};
foreach (var (key, value) in options.CopBotSettings)
{
    copBotEnvironment[key] = value;
}

// Both bots run from the start, so their peaks can alternate round by round: each pair of peaks meets the same
// machine (the spread between runs on a shared 2-core machine is larger than the difference measured).
var peaks = new List<(LoadResult CopBot, LoadResult Echo)>();
using (var echo = await BotProcess.StartAsync("JS echo bot (botbuilder 4.23.3)", "node", [Path.Combine(echoDir, "index.js"), "{port}"], new Dictionary<string, string>(), Healthy))
{
    using (var copBot = await BotProcess.StartAsync("CopBot", "dotnet", [copBotDll], copBotEnvironment, Healthy))
    {
        await WarmUpAsync(copBot);
        await WarmUpAsync(echo);
        for (var round = 1; round <= options.Rounds; round++)
        {
            // Who goes first alternates too, so a machine getting busier or quieter during the run favours neither.
            var measured = new Dictionary<BotProcess, LoadResult>();
            foreach (var bot in round % 2 == 1 ? [copBot, echo] : new[] { echo, copBot })
            {
                measured[bot] = await PeakAsync(bot, round);
            }

            peaks.Add((measured[copBot], measured[echo]));
        }

        var copBotHalf = PeakRounds.Median(peaks.Select(p => p.CopBot.RequestsPerSecond)) / 2;
        await HalfOfPeakAsync(copBot, copBotHalf, floor);
        if (options.Soak > TimeSpan.Zero)
        {
            await SoakAsync(copBot, options.SoakRate ?? copBotHalf);
        }
    }

    await HalfOfPeakAsync(echo, PeakRounds.Median(peaks.Select(p => p.Echo.RequestsPerSecond)) / 2);
}

// Read after CopBot stopped: its shutdown waits for the turns still running, whose replies are then all in.
var copBotReplies = connector.Replies(CopBotRegion);
var report = LoadReport.Render(options, results, peaks, cpu.PerRequest(), rss, probes, copBotReplies);
Console.WriteLine(report);
if (options.Out is { } output)
{
    var path = Path.IsPathRooted(output) ? output : Path.Combine(root, output);
    await File.WriteAllTextAsync(path, LoadReport.KeepNotes(path, report));
    Console.Error.WriteLine($"wrote {path}");
}

return 0;
