using System.Globalization;
using System.Text;

namespace CopBot.LoadBench;

/// <summary>What the <see cref="StallProbe"/> saw during one bot's half-of-peak phase.</summary>
/// <param name="AzuriteCollections">Azurite's major collections, when it ran under <c>--trace-gc</c> (null otherwise).</param>
internal sealed record ProbeSamples(
    string Bot, (int Second, double Ms)[] Generator, (int Second, double Ms)[] BotPipeline, (int Second, double Ms)[] Storage, SlowTurn[] SlowTurns,
    (int Second, double Ms)[]? AzuriteCollections)
{
    public static ProbeSamples From(string bot, StallProbe probe, SlowTurn[] slowTurns, bool gcTraced) =>
        new(bot, [.. probe.Generator], [.. probe.Bot], [.. probe.Storage], slowTurns, gcTraced ? [.. probe.AzuriteCollections] : null);
}

/// <summary>The slow seconds of a half-of-peak phase beside what each probe measured in the same second.</summary>
internal static class StallReport
{
    public const double SlowMs = 50;

    public static void Append(StringBuilder text, LoadResult half, ProbeSamples? probes)
    {
        var inv = CultureInfo.InvariantCulture;
        var seconds = half.SecondByP99();
        var slow = seconds.Where(s => s.P99 > SlowMs).ToList();
        var worst = seconds.MaxBy(s => s.P99);
        text.AppendLine(inv, $"- {half.Bot}: {slow.Count} of {seconds.Count} seconds had their own p99 above 50 ms{(slow.Count > 0 ? $" (seconds {string.Join(", ", slow.Select(s => s.Second))})" : "")}; the worst second's p99 was {worst.P99:F1} ms (second {worst.Second}).");
        if (probes is null)
        {
            return;
        }

        var gc = probes.AzuriteCollections;
        text.AppendLine();
        text.AppendLine("  | second | ack p99 (ms) | load generator's 25 ms timer late by (max ms) | bot's HTTP pipeline, 404 (max ms) | Azurite point read (max ms) |"
            + (gc is null ? "" : " Azurite major GCs ending then (marking wall time, ms) |"));
        text.AppendLine("  |---|---|---|---|---|" + (gc is null ? "" : "---|"));
        var slowSeconds = slow.Select(s => s.Second).ToHashSet();
        foreach (var (second, p99) in slow)
        {
            text.AppendLine(string.Create(inv, $"  | {second} | {p99:F1} | {Max(probes.Generator, s => s == second):F1} | {Max(probes.BotPipeline, s => s == second):F1} | {Max(probes.Storage, s => s == second):F1} |")
                + (gc is null ? "" : $" {Collections(gc, s => s == second)} |"));
        }

        bool Other(int s) => !slowSeconds.Contains(s);
        text.AppendLine(string.Create(inv, $"  | the other seconds (max) | {seconds.Where(s => Other(s.Second)).Select(s => s.P99).DefaultIfEmpty(double.NaN).Max():F1} | {Max(probes.Generator, Other):F1} | {Max(probes.BotPipeline, Other):F1} | {Max(probes.Storage, Other):F1} |")
            + (gc is null ? "" : $" {CollectionCount(gc, Other)} |"));
        if (probes.SlowTurns.Length > 0)
        {
            var slowTurns = probes.SlowTurns;
            double Share(Func<SlowTurn, double> stage) => slowTurns.Sum(stage) / slowTurns.Sum(t => t.Total);
            text.AppendLine();
            text.AppendLine(inv, $"  The bot itself logged {slowTurns.Length} turns of 100 ms or more in this phase (its slow-turn warning), the longest {slowTurns.Max(t => t.Total):F0} ms. Where their time went, summed over them: once-only claim {Share(t => t.Claim):P0}, contact record {Share(t => t.Contact):P0}, handler {Share(t => t.Handler):P0} (of which connector calls {Share(t => t.Connector):P0}); the remainder is between the stages.");
        }

        text.AppendLine();
    }

    // "none", or each collection's marking wall time, e.g. "178, 161".
    private static string Collections((int Second, double Ms)[] collections, Func<int, bool> inSecond)
    {
        var times = collections.Where(c => inSecond(c.Second)).Select(c => c.Ms.ToString("F0", CultureInfo.InvariantCulture)).ToList();
        return times.Count == 0 ? "none" : string.Join(", ", times);
    }

    // "none", or how many and the longest, e.g. "3, the longest 120".
    private static string CollectionCount((int Second, double Ms)[] collections, Func<int, bool> inSecond)
    {
        var times = collections.Where(c => inSecond(c.Second)).Select(c => c.Ms).ToList();
        return times.Count == 0 ? "none" : string.Create(CultureInfo.InvariantCulture, $"{times.Count}, the longest {times.Max():F0}");
    }

    private static double Max((int Second, double Ms)[] samples, Func<int, bool> inSecond) =>
        samples.Where(s => inSecond(s.Second)).Select(s => s.Ms).DefaultIfEmpty(double.NaN).Max();
}
