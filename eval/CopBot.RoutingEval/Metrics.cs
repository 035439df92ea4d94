namespace CopBot.RoutingEval;

/// <summary>Per-question ranking metrics with binary relevance.</summary>
public sealed record QuestionMetrics(double P1, double P5, double Rr, double Ndcg10)
{
    public static QuestionMetrics Of(IReadOnlyList<string> ranking, IReadOnlySet<string> relevant)
    {
        ArgumentNullException.ThrowIfNull(ranking);
        ArgumentNullException.ThrowIfNull(relevant);
        double hits5 = 0, rr = 0, dcg = 0;
        for (var i = 0; i < ranking.Count; i++)
        {
            if (!relevant.Contains(ranking[i]))
            {
                continue;
            }

            if (rr == 0)
            {
                rr = 1.0 / (i + 1);
            }

            if (i < 5)
            {
                hits5++;
            }

            if (i < 10)
            {
                dcg += 1 / Math.Log2(i + 2);
            }
        }

        var ideal = Enumerable.Range(0, Math.Min(10, relevant.Count)).Sum(i => 1 / Math.Log2(i + 2));
        var p1 = ranking.Count > 0 && relevant.Contains(ranking[0]) ? 1 : 0;
        return new QuestionMetrics(p1, hits5 / 5, rr, ideal > 0 ? dcg / ideal : 0);
    }
}

/// <summary>Mean of a metric with a percentile bootstrap 95% interval (fixed seed, so runs repeat exactly).</summary>
public sealed record Estimate(double Mean, double Low, double High)
{
    public static Estimate Of(IReadOnlyList<double> values, int resamples = 1000, int seed = 17)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            return new Estimate(0, 0, 0);
        }

        var random = new Random(seed);
        var means = new double[resamples];
        for (var r = 0; r < resamples; r++)
        {
            double sum = 0;
            for (var i = 0; i < values.Count; i++)
            {
                sum += values[random.Next(values.Count)];
            }

            means[r] = sum / values.Count;
        }

        Array.Sort(means);
        return new Estimate(values.Average(), means[(int)(resamples * 0.025)], means[(int)(resamples * 0.975) - 1]);
    }

    public override string ToString() =>
        FormattableString.Invariant($"{Mean:0.000} [{Low:0.000}-{High:0.000}]");
}
