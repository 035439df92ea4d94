using System.Globalization;

namespace CopBot.RoutingBench;

/// <summary>Command line of the benchmark (see <see cref="Usage"/>).</summary>
internal sealed record BenchOptions
{
    public const string Usage = """
        usage: CopBot.RoutingBench [--sizes 1000,10000,100000] [--queries 1000] [--naive-queries 10]
                                   [--azurite | --storage "<connection string>"] [--storage-max 100000]
                                   [--seed 42] [--out docs/routing-benchmark.md]
          --queries        routed queries measured per size against the index (after a warm-up)
          --naive-queries  queries measured per size for each naive baseline (each one rebuilds everything)
          --azurite        start Azurite from node_modules (in memory, free loopback port) for the storage baseline
          --storage        use this Table Storage account instead (tables RoutingBench<size>*, deleted at the end)
          --storage-max    largest size imported into storage (bulk upserts)
          --out            markdown report file (relative to the repository root); '-' for none
        """;

    public IReadOnlyList<int> Sizes { get; init; } = [1_000, 10_000, 100_000];

    public int Queries { get; init; } = 1000;

    public int NaiveQueries { get; init; } = 10;

    public bool Azurite { get; init; }

    public string? Storage { get; init; }

    public int StorageMax { get; init; } = 100_000;

    public int Seed { get; init; } = 42;

    public string Output { get; init; } = "docs/routing-benchmark.md";

    /// <summary>The arguments as given, for the report's "reproduce" line.</summary>
    public string CommandLine { get; init; } = "";

    public static BenchOptions Parse(string[] args)
    {
        var options = new BenchOptions { CommandLine = string.Join(' ', args.Select(Quote)) };
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            options = args[i] switch
            {
                "--sizes" => options with { Sizes = [.. Value().Split(',').Select(Positive)] },
                "--queries" => options with { Queries = Positive(Value()) },
                "--naive-queries" => options with { NaiveQueries = Positive(Value()) },
                "--azurite" => options with { Azurite = true },
                "--storage" => options with { Storage = Value() },
                "--storage-max" => options with { StorageMax = Positive(Value()) },
                "--seed" => options with { Seed = int.Parse(Value(), CultureInfo.InvariantCulture) },
                "--out" => options with { Output = Value() },
                _ => throw new ArgumentException($"unknown option {args[i]}"),
            };
        }

        return options.Azurite && options.Storage is not null
            ? throw new ArgumentException("--azurite and --storage exclude each other.")
            : options;
    }

    private static int Positive(string text) =>
        int.TryParse(text.Replace("_", "", StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new ArgumentException($"'{text}' is not a positive number.");

    // Never echo a connection string (it holds the account key) into the report.
    private static string Quote(string arg) =>
        arg.Contains("AccountKey", StringComparison.OrdinalIgnoreCase) ? "\"<connection string>\"" : arg.Contains(' ', StringComparison.Ordinal) ? $"\"{arg}\"" : arg;
}
