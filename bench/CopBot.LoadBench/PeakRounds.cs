namespace CopBot.LoadBench;

/// <summary>
/// The two bots' peaks, measured in rounds with the bots alternating. The throughput ratio is taken within each round
/// (two peaks measured a minute apart on the same machine) and the median round decides: one round caught by a busy
/// or quiet spell of the shared machine does not decide alone.
/// </summary>
internal static class PeakRounds
{
    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            throw new ArgumentException("No values to take the median of.", nameof(values));
        }

        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    public static double[] Ratios(IEnumerable<(LoadResult CopBot, LoadResult Echo)> peaks) =>
        [.. peaks.Select(p => p.CopBot.RequestsPerSecond / p.Echo.RequestsPerSecond)];
}
