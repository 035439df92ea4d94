namespace CopBot.RoutingBench;

/// <summary>Everything measured for one community size.</summary>
internal sealed record SizeResult
{
    public required int Profiles { get; init; }

    public required int HistoryItems { get; init; }

    /// <summary>Share of all answers held by the 10 % most active people (real Q&amp;A sites: over half).</summary>
    public required double TopDecileShare { get; init; }

    public required double BuildMs { get; init; }

    /// <summary>Managed bytes the index retains once the profiles it was built from are gone (what the bot keeps).</summary>
    public required long IndexBytes { get; init; }

    /// <summary>Managed bytes of the index plus the benchmark's generated profile list (kept for the naive baselines).</summary>
    public required long IndexWithProfilesBytes { get; init; }

    public required long WorkingSetBytes { get; init; }

    public required Latencies Indexed { get; init; }

    /// <summary>The same routes in thread CPU time (null where the platform cannot tell).</summary>
    public required Latencies? IndexedCpu { get; init; }

    /// <summary>The exhaustive path over the same index, alternating with the indexed route on the naive queries.</summary>
    public required ReferenceResult Reference { get; init; }

    /// <summary>Mean managed allocation of one indexed route (garbage the GC must collect: it shows in p99).</summary>
    public required double AllocatedPerRouteBytes { get; init; }

    /// <summary>Full collections while the indexed queries ran.</summary>
    public required int Gen2Collections { get; init; }

    /// <summary>Per request: build the index from the in-memory profile list, then rank (no storage read).</summary>
    public required Latencies NaiveInMemory { get; init; }

    public StorageResult? Storage { get; init; }

    /// <summary>Naive queries whose top experts equal the indexed result (same ranking, so a fair comparison).</summary>
    public required int Agreeing { get; init; }

    public required int Compared { get; init; }
}

/// <summary>What was measured against Table Storage for one size.</summary>
internal sealed record StorageResult(double ImportSeconds, double BuildFromStorageMs, Latencies Naive);

/// <summary>Exhaustive scoring over the prebuilt index and the indexed route, measured alternately on the same queries.</summary>
internal sealed record ReferenceResult(Latencies Exhaustive, Latencies Indexed);
