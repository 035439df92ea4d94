using System.Diagnostics;
using CopBot.Community;

namespace CopBot.RoutingBench;

/// <summary>Generates one community size and measures build, memory, indexed routing and the naive baselines.</summary>
internal sealed class SizeBench(BenchOptions options, TopicModel topics, string? connectionString)
{
    private const int WarmUpQueries = 20;
    private static readonly RoutingContext Context = new(ProfileGenerator.End);
    private readonly ExpertRanker _ranker = new(new RoutingOptions());

    // The naive baselines score every eligible expert from their history on each request (same results, see agreement).
    private readonly ExpertRanker _naiveRanker = new(new RoutingOptions { ScoreEveryone = true });

    public async Task<SizeResult> RunAsync(int size, CancellationToken cancellationToken)
    {
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var (index, buildMs) = BuildIndex(size);
        // The generated profiles are gone: what remains is what a serving instance keeps for the community.
        var withIndex = GC.GetTotalMemory(forceFullCollection: true);
        var profiles = new ProfileGenerator(topics, options.Seed).Generate(size);
        var withProfiles = GC.GetTotalMemory(forceFullCollection: true);
        using var process = Process.GetCurrentProcess();
        var workingSet = process.WorkingSet64;
        Log($"{size}: built in {buildMs:0} ms, index {Mb(withIndex - before):0} MB (+ generated profiles {Mb(withProfiles - withIndex):0} MB)");
        var clock = new Stopwatch();

        var queries = QueryGenerator.Generate(topics, size, options.Queries, options.Seed);
        foreach (var query in queries.Take(WarmUpQueries))
        {
            _ranker.Rank(index, query, Context);
        }

        var indexed = new List<double>(queries.Count);
        var indexedCpu = new List<double>(queries.Count);
        var expected = new List<RoutingResult>();
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var gen2Before = GC.CollectionCount(2);
        foreach (var query in queries)
        {
            var cpu = ThreadCpu.Milliseconds();
            clock.Restart();
            var result = _ranker.Rank(index, query, Context);
            indexed.Add(clock.Elapsed.TotalMilliseconds);
            if (ThreadCpu.Milliseconds() - cpu is { } used)
            {
                indexedCpu.Add(used);
            }

            if (expected.Count < options.NaiveQueries)
            {
                expected.Add(result);
            }
        }

        var allocatedPerRoute = (GC.GetAllocatedBytesForCurrentThread() - allocatedBefore) / (double)queries.Count;
        var gen2Collections = GC.CollectionCount(2) - gen2Before;
        Log($"{size}: indexed {Latencies.Of(indexed)}, {allocatedPerRoute / 1024 / 1024:0.0} MB allocated per route, {gen2Collections} gen2 GCs");
        var naiveQueries = queries.Take(options.NaiveQueries).ToList();
        var agreeing = 0;
        var reference = MeasureReference(index, naiveQueries, expected, ref agreeing);
        Log($"{size}: exhaustive over the index {reference.Exhaustive}, indexed on the same queries {reference.Indexed}");
        var naiveInMemory = Measure(naiveQueries, expected, ref agreeing, query =>
            _naiveRanker.Rank(ExpertIndex.Build(ProfileGenerator.Community, profiles), query, Context));
        Log($"{size}: naive in memory {naiveInMemory}");

        StorageResult? storage = null;
        if (connectionString is not null && size <= options.StorageMax)
        {
            (storage, var storageAgreeing) = await MeasureStorageAsync(size, profiles, naiveQueries, expected, cancellationToken);
            agreeing += storageAgreeing;
        }

        var answers = profiles.Select(p => p.History.Count).OrderDescending().ToList();
        return new SizeResult
        {
            Profiles = size,
            HistoryItems = answers.Sum(),
            TopDecileShare = (double)answers.Take(size / 10).Sum() / Math.Max(1, answers.Sum()),
            BuildMs = buildMs,
            IndexBytes = withIndex - before,
            IndexWithProfilesBytes = withProfiles - before,
            WorkingSetBytes = workingSet,
            Indexed = Latencies.Of(indexed),
            IndexedCpu = indexedCpu.Count == indexed.Count ? Latencies.Of(indexedCpu) : null,
            Reference = reference,
            AllocatedPerRouteBytes = allocatedPerRoute,
            Gen2Collections = gen2Collections,
            NaiveInMemory = naiveInMemory,
            Storage = storage,
            Agreeing = agreeing,
            Compared = naiveQueries.Count * (storage is null ? 2 : 3),
        };
    }

    private async Task<(StorageResult Result, int Agreeing)> MeasureStorageAsync(
        int size, List<ExpertProfile> profiles, List<RoutingQuery> queries, List<RoutingResult> expected, CancellationToken cancellationToken)
    {
        var storage = new BenchStorage(connectionString!, size);
        try
        {
            var clock = Stopwatch.StartNew();
            await storage.ImportAsync(profiles, cancellationToken);
            var importSeconds = clock.Elapsed.TotalSeconds;
            Log($"{size}: imported into Table Storage in {importSeconds:0.0} s");
            clock.Restart();
            var fromStore = await ExpertIndex.BuildAsync(storage.Store, ProfileGenerator.Community, cancellationToken);
            _ranker.Prepare(fromStore, Context.Now);
            var buildFromStorageMs = clock.Elapsed.TotalMilliseconds;
            if (fromStore.Count != size)
            {
                throw new InvalidOperationException($"The store listed {fromStore.Count} profiles, {size} were imported.");
            }

            // The naive baseline: every request reads the whole community from the table and scores everyone.
            var times = new List<double>(queries.Count);
            var agreeing = 0;
            for (var i = 0; i < queries.Count; i++)
            {
                clock.Restart();
                var listed = await storage.Store.ListAsync(ProfileGenerator.Community, cancellationToken);
                var result = _naiveRanker.Rank(ExpertIndex.Build(ProfileGenerator.Community, listed), queries[i], Context);
                times.Add(clock.Elapsed.TotalMilliseconds);
                agreeing += SameExperts(result, expected[i]) ? 1 : 0;
            }

            var naive = Latencies.Of(times);
            Log($"{size}: naive via Table Storage {naive}");
            return (new StorageResult(importSeconds, buildFromStorageMs, naive), agreeing);
        }
        finally
        {
            if (options.Storage is not null)
            {
                await storage.DeleteTablesAsync();
            }
        }
    }

    // Build time includes what the ranker precomputes per snapshot (activity, topic evidence, activity order).
    private (ExpertIndex Index, double Ms) BuildIndex(int size)
    {
        var profiles = new ProfileGenerator(topics, options.Seed).Generate(size);
        var clock = Stopwatch.StartNew();
        var index = ExpertIndex.Build(ProfileGenerator.Community, profiles);
        _ranker.Prepare(index, Context.Now);
        return (index, clock.Elapsed.TotalMilliseconds);
    }

    /// <summary>
    /// The exhaustive reference (<see cref="RoutingOptions.ScoreEveryone"/>: every question and every eligible expert
    /// scored) over the same prebuilt index, alternating query by query with the indexed route so that both see the
    /// same machine load: the ratio is what pruning and precomputing buy, independent of index building and I/O.
    /// </summary>
    private ReferenceResult MeasureReference(ExpertIndex index, List<RoutingQuery> queries, List<RoutingResult> expected, ref int agreeing)
    {
        var exhaustive = new List<double>(queries.Count);
        var indexed = new List<double>(queries.Count);
        var clock = new Stopwatch();
        for (var i = 0; i < queries.Count; i++)
        {
            clock.Restart();
            _ranker.Rank(index, queries[i], Context);
            indexed.Add(clock.Elapsed.TotalMilliseconds);
            clock.Restart();
            var result = _naiveRanker.Rank(index, queries[i], Context);
            exhaustive.Add(clock.Elapsed.TotalMilliseconds);
            agreeing += SameExperts(result, expected[i]) ? 1 : 0;
        }

        return new ReferenceResult(Latencies.Of(exhaustive), Latencies.Of(indexed));
    }

    private static Latencies Measure(
        List<RoutingQuery> queries, List<RoutingResult> expected, ref int agreeing, Func<RoutingQuery, RoutingResult> route)
    {
        var times = new List<double>(queries.Count);
        var clock = new Stopwatch();
        for (var i = 0; i < queries.Count; i++)
        {
            clock.Restart();
            var result = route(queries[i]);
            times.Add(clock.Elapsed.TotalMilliseconds);
            agreeing += SameExperts(result, expected[i]) ? 1 : 0;
        }

        return Latencies.Of(times);
    }

    private static bool SameExperts(RoutingResult a, RoutingResult b) =>
        a.Experts.Select(e => e.Id).SequenceEqual(b.Experts.Select(e => e.Id), StringComparer.Ordinal);

    private static double Mb(long bytes) => bytes / 1024.0 / 1024.0;

    private static void Log(string line) => Console.Error.WriteLine(line);
}
