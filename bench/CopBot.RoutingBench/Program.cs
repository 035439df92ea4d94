using System.Diagnostics;
using System.Runtime.InteropServices;
using CopBot.Community;
using CopBot.RoutingBench;
using CopBot.Testing;

BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(BenchOptions.Usage);
    return 2;
}

var clock = Stopwatch.StartNew();
var root = RepositoryRoot();
const int topicCount = 300;
var topics = new TopicModel(options.Seed, topicCount);
Report.TopicCount = topicCount;
WarmUp(topics, options.Seed);

using var azurite = options.Azurite ? await AzuriteServer.StartNewAsync(root) : null;
// Ctrl+C, SIGTERM or a closed terminal end the run at once: Azurite must not outlive it.
using var onInterrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, _ => azurite?.Dispose());
using var onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, _ => azurite?.Dispose());
using var onHangUp = PosixSignalRegistration.Create(PosixSignal.SIGHUP, _ => azurite?.Dispose());
var connectionString = options.Storage ?? azurite?.ConnectionString;
var storageKind = azurite is not null ? $"Azurite (in memory) on 127.0.0.1:{azurite.Port}, started by the benchmark"
    : options.Storage is not null ? "the given Table Storage account" : "none";
if (azurite is not null)
{
    Console.Error.WriteLine($"Azurite listening on 127.0.0.1:{azurite.Port}");
}

var results = new List<SizeResult>();
foreach (var size in options.Sizes)
{
    results.Add(await new SizeBench(options, topics, connectionString).RunAsync(size, CancellationToken.None));
    GC.Collect();
}

var markdown = Report.Markdown(options, results, storageKind, clock.Elapsed.TotalSeconds);
Console.WriteLine(markdown);
if (options.Output != "-")
{
    var path = Path.Combine(root, options.Output);
    var notes = File.Exists(path) && File.ReadAllText(path) is var old && old.IndexOf(Report.NotesMarker, StringComparison.Ordinal) is var at and >= 0
        ? old[at..]
        : Report.NotesMarker + "\n";
    await File.WriteAllTextAsync(path, markdown + "\n" + notes);
    Console.Error.WriteLine($"wrote {path}");
}

return 0;

// JIT and tiering settle on a small community first, so the first measured size is not a compile benchmark.
static void WarmUp(TopicModel topics, int seed)
{
    var profiles = new ProfileGenerator(topics, seed).Generate(500);
    var index = ExpertIndex.Build(ProfileGenerator.Community, profiles);
    var ranker = new ExpertRanker(new RoutingOptions());
    foreach (var query in QueryGenerator.Generate(topics, 500, 200, seed + 1))
    {
        ranker.Rank(index, query, new RoutingContext(ProfileGenerator.End));
    }
}

static string RepositoryRoot()
{
    foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "CopBot.sln")))
            {
                return directory.FullName;
            }
        }
    }

    throw new InvalidOperationException("CopBot.sln not found above the current directory.");
}
