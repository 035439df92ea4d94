using System.Globalization;

namespace CopBot.LoadBench;

internal sealed record LoadOptions(
    int Concurrency, int Conversations, TimeSpan Duration, TimeSpan Soak, string? Out, string? CopBotDll, IReadOnlyList<string> Texts, TableAuth TableAuth, int? SoakRate = null)
{
    public const string Usage = "usage: CopBot.LoadBench [--concurrency 32] [--conversations 2000] [--duration 20 (seconds per phase; a peak's are split into its rounds)] [--rounds 3 (peak rounds, the two bots alternating)] [--soak 600] [--out docs/performance.md] [--copbot path/CopBot.dll] [--texts help,profile] [--table-auth key|sas] [--soak-rate N (requests/s; default half of peak)] [--copbot-setting CopBot__Key=value (repeatable: CopBot's environment)] [--azurite-gc on (Azurite under node --trace-gc: its major collections beside the slow seconds)] [--azurite-node-option --flag=value (repeatable: Node.js options for Azurite)] | --claim-growth N (only: Azurite's CPU per claim as N claims fill the table)";

    /// <summary>How many times each bot's peak is measured, the two bots alternating; the median round's ratio decides.</summary>
    public int Rounds { get; init; } = 3;

    /// <summary>
    /// One peak round: the phase's duration split into the rounds, so a bot's peak covers the same time (and leaves the
    /// same number of claims in Azurite before the half-of-peak phase) whatever the number of rounds.
    /// </summary>
    public TimeSpan RoundDuration => Duration / Rounds;

    /// <summary>Extra environment for the CopBot process, e.g. <c>CopBot__MaxConcurrentTurns=512</c>.</summary>
    public IReadOnlyDictionary<string, string> CopBotSettings { get; init; } = new Dictionary<string, string>();

    /// <summary>When set, the run only measures Azurite's CPU per claim while this many claims fill the table (<see cref="ClaimGrowth"/>).</summary>
    public int? ClaimGrowth { get; init; }

    /// <summary>Azurite runs under <c>node --trace-gc</c>, and the stall report lists its major collections.</summary>
    public bool AzuriteGc { get; init; }

    /// <summary>Node.js options for the Azurite process, e.g. <c>--max-semi-space-size=64</c>: the emulator's own tuning, apart from the bots'.</summary>
    public IReadOnlyList<string> AzuriteNodeOptions { get; init; } = [];

    /// <summary>Everything Azurite's <c>node</c> runs with: <c>--trace-gc</c> under <see cref="AzuriteGc"/>, then <see cref="AzuriteNodeOptions"/>.</summary>
    public IReadOnlyList<string> AzuriteNodeArguments => [.. AzuriteGc ? ["--trace-gc"] : Array.Empty<string>(), .. AzuriteNodeOptions];

    private static readonly string[] DefaultTexts = ["help", "profile"];

    public static LoadOptions Parse(string[] args)
    {
        var options = new LoadOptions(32, 2000, TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(600), null, null, DefaultTexts, TableAuth.Key);
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value. {Usage}");
            options = args[i] switch
            {
                "--concurrency" => options with { Concurrency = Positive(value, args[i]) },
                "--conversations" => options with { Conversations = Positive(value, args[i]) },
                "--duration" => options with { Duration = TimeSpan.FromSeconds(Positive(value, args[i])) },
                "--rounds" => options with { Rounds = Positive(value, args[i]) },
                "--soak" => options with { Soak = TimeSpan.FromSeconds(int.Parse(value, CultureInfo.InvariantCulture)) },
                "--out" => options with { Out = value },
                "--copbot" => options with { CopBotDll = value },
                "--texts" => options with { Texts = ParseTexts(value) },
                "--soak-rate" => options with { SoakRate = Positive(value, args[i]) },
                "--claim-growth" => options with { ClaimGrowth = Positive(value, args[i]) },
                "--copbot-setting" => options with { CopBotSettings = WithSetting(options.CopBotSettings, value) },
                "--azurite-gc" => options with { AzuriteGc = value is "on" ? true : value is "off" ? false : throw new ArgumentException($"--azurite-gc is on or off, not '{value}'.") },
                "--azurite-node-option" => options with { AzuriteNodeOptions = [.. options.AzuriteNodeOptions, value.StartsWith("--", StringComparison.Ordinal) ? value : throw new ArgumentException($"--azurite-node-option takes a Node.js option such as --max-semi-space-size=64, not '{value}'.")] },
                "--table-auth" => options with { TableAuth = Enum.TryParse<TableAuth>(value, ignoreCase: true, out var auth) && Enum.IsDefined(auth) ? auth : throw new ArgumentException($"--table-auth is key or sas, not '{value}'.") },
                _ => throw new ArgumentException($"unknown option {args[i]}. {Usage}"),
            };
            i++;
        }

        return options;
    }

    private static Dictionary<string, string> WithSetting(IReadOnlyDictionary<string, string> settings, string value)
    {
        var equals = value.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0)
        {
            throw new ArgumentException($"--copbot-setting takes Key=value, not '{value}'.");
        }

        return new Dictionary<string, string>(settings) { [value[..equals]] = value[(equals + 1)..] };
    }

    private static string[] ParseTexts(string value)
    {
        var texts = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return texts.Length > 0 ? texts : throw new ArgumentException("--texts needs at least one message text, e.g. help,profile.");
    }

    private static int Positive(string value, string name) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw new ArgumentException($"{name} must be a positive whole number, not '{value}'.");
}

/// <summary>How CopBot signs its Table Storage requests: the account key (HMAC per request) or an account SAS.</summary>
internal enum TableAuth
{
    Key,
    Sas,
}
