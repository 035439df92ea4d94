namespace CopBot.RoutingBench;

/// <summary>Draws ranks 0..n-1 with probability ∝ 1 / (rank + 1)^s: a few popular items and a long tail, as tag use
/// and organisation sizes are distributed in real communities.</summary>
internal sealed class Zipf
{
    private readonly double[] _cumulative;

    public Zipf(int count, double exponent)
    {
        _cumulative = new double[count];
        var sum = 0.0;
        for (var rank = 0; rank < count; rank++)
        {
            sum += 1 / Math.Pow(rank + 1, exponent);
            _cumulative[rank] = sum;
        }
    }

    public int Next(Random random)
    {
        var target = random.NextDouble() * _cumulative[^1];
        var at = Array.BinarySearch(_cumulative, target);
        return Math.Min(at >= 0 ? at : ~at, _cumulative.Length - 1);
    }
}
