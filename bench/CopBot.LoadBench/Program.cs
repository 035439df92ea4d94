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
var load = new LoadRun(http, connector.ServiceUrl, options.Texts);
var results = new List<LoadResult>();
var rss = new List<SoakSample>();
var cpu = new List<CpuShare>();
var probes = new List<ProbeSamples>();

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

async Task MeasureAsync(BotProcess bot, bool soak, StorageFloor? floor = null)
{
    Console.Error.WriteLine($"{bot.Name}: warm-up");
    // Every conversation once, reported on its own: a first contact is dearer (CopBot records how to reach the member).
    // Then 5 s of warm-up, so the peak measures the steady state and not however many first contacts it happens to reach.
    results.Add(await load.ClosedLoopAsync(bot, "first contact (each conversation once)", options.Concurrency, options.Conversations, TimeSpan.FromMinutes(2), options.Conversations));
    await load.ClosedLoopAsync(bot, "warm-up", options.Concurrency, options.Conversations, TimeSpan.FromSeconds(5));
    var meter = CpuMeter.Start(
    [
        (bot.Name, bot.ProcessId),
        ("Azurite (Table Storage)", azurite.ProcessId ?? throw new InvalidOperationException("Azurite stopped.")),
        ("load generator and fake connector", Environment.ProcessId),
    ]);
    var peak = await load.ClosedLoopAsync(bot, "peak", options.Concurrency, options.Conversations, options.Duration);
    results.Add(peak);
    cpu.AddRange(meter.PerRequest(bot.Name, peak.Completed));
    Console.Error.WriteLine($"{bot.Name}: peak {peak.RequestsPerSecond:F0}/s");
    var half = peak.RequestsPerSecond / 2;
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

    if (soak && options.Soak > TimeSpan.Zero)
    {
        var soakRate = options.SoakRate ?? half;
        Console.Error.WriteLine($"{bot.Name}: soak {options.Soak.TotalMinutes:F0} min at {soakRate:F0}/s");
        var started = DateTime.UtcNow;
        var azuriteId = azurite.ProcessId ?? throw new InvalidOperationException("Azurite stopped.");
        SoakSample Sample(int outstanding) =>
            new((DateTime.UtcNow - started).TotalSeconds, bot.ResidentMegabytes(), BotProcess.ResidentMegabytesOf(azuriteId), outstanding, bot.OpenDescriptors());
        rss.Add(Sample(0));
        results.Add(await load.OpenLoopAsync(bot, $"soak ({soakRate:F0}/s)", soakRate, options.Soak, options.Conversations, outstanding =>
        {
            if ((DateTime.UtcNow - started).TotalSeconds - rss[^1].Second >= 10)
            {
                rss.Add(Sample(outstanding));
            }
        }));
        rss.Add(Sample(0));
    }
}

var repliesBefore = connector.Replies;
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

using (var copBot = await BotProcess.StartAsync("CopBot", "dotnet", [copBotDll], copBotEnvironment, Healthy))
{
    await MeasureAsync(copBot, soak: true, floor);
}

var copBotReplies = connector.Replies - repliesBefore;
using (var echo = await BotProcess.StartAsync("JS echo bot (botbuilder 4.23.3)", "node", [Path.Combine(echoDir, "index.js"), "{port}"], new Dictionary<string, string>(), Healthy))
{
    await MeasureAsync(echo, soak: false);
}

var report = LoadReport.Render(options, results, cpu, rss, probes, copBotReplies, Environment.CommandLine);
Console.WriteLine(report);
if (options.Out is { } output)
{
    var path = Path.IsPathRooted(output) ? output : Path.Combine(root, output);
    await File.WriteAllTextAsync(path, LoadReport.KeepNotes(path, report));
    Console.Error.WriteLine($"wrote {path}");
}

return 0;
