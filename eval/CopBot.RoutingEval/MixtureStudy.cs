using System.Globalization;
using CopBot.Community;

namespace CopBot.RoutingEval;

/// <summary>
/// Study of a mixture of activity priors, recency and answer-text evidence (<c>--mixture</c>, several site folders).
/// Each candidate of each test question gets the features of <see cref="MixtureFeatures"/>; a variant scores
/// Σ w·feature, the activity features multiplied by a damping factor for candidates without topic or text evidence
/// when someone has some (the product's rule). The product itself is the point w(prior h50) 2, w(topic) 0.75,
/// w(text) 0.5, damping 0.25. Weights are fitted by coordinate ascent on the tuning half of the rolling split of all
/// sites jointly (mean over sites and inputs of MRR relative to the product's), starting from the product; the
/// held-out half, the fixed split and the full rolling split are printed beside, never used to choose.
/// </summary>
internal static class MixtureStudy
{
    private static readonly double[] WeightGrid = [0, 0.125, 0.25, 0.5, 0.75, 1, 1.5, 2, 3, 4];
    private static readonly double[] DampingGrid = [0, 0.1, 0.25, 0.5, 0.75, 1];
    private static readonly int Parameters = MixtureFeatures.Names.Length + 1; // the weights, then the damping

    private sealed record Variant(string Name, int[] Free);

    public static void Run(IReadOnlyList<string> folders)
    {
        ArgumentNullException.ThrowIfNull(folders);
        var samples = folders.SelectMany(f => StudySamples.Collect(f)).ToList();
        var sites = samples.Select(s => s.Site).Distinct().ToList();
        var byCell = samples.GroupBy(s => (s.Site, s.Column)).ToDictionary(g => g.Key, g => g.ToList());
        var product = new double[Parameters];
        product[1] = 2;
        product[MixtureFeatures.Topic] = 0.75;
        product[MixtureFeatures.Text] = 0.5;
        product[^1] = 0.25;

        // MRR per column 0..5, then 6/7 = full rolling split (both halves) with tags / text.
        double[] Mrr(string site, double[] p)
        {
            var cells = Enumerable.Range(0, 6).Select(c => byCell[(site, c)].Select(s => Rr(s, p)).ToList()).ToList();
            return [.. cells.Select(c => c.Average()), cells[0].Concat(cells[2]).Average(), cells[1].Concat(cells[3]).Average()];
        }

        var baseline = sites.ToDictionary(s => s, s => Mrr(s, product));
        double Tuning(double[] p) => sites.Average(s =>
            ((Rrs(byCell[(s, 0)], p) / baseline[s][0]) + (Rrs(byCell[(s, 1)], p) / baseline[s][1])) / 2);

        var all = Enumerable.Range(0, Parameters).ToArray();
        var damping = Parameters - 1;
        Variant[] variants =
        [
            new("activity mixture (half-lives 10/50/200/none, uncapped count)", [0, 1, 2, 3, 4, damping]),
            new("activity mixture + hours since last answer", [0, 1, 2, 3, 4, 5, 6, 7, damping]),
            new("activity mixture + recency + topic/text reweighted", [.. Enumerable.Range(0, 10), damping]),
            new("answer text: BM25 per user (questions + answers / answers alone) beside the product", [MixtureFeatures.Text, 10, 11]),
            new("everything", all),
        ];

        Console.WriteLine("## Mixture of priors, recency and answer text: weights fitted on the tuning half (MRR)");
        Console.WriteLine();
        Header("variant");
        Row("product (CopBot defaults)", product);
        var fitted = new List<(string Name, double[] P)>();
        void Report(string name, double[] p)
        {
            fitted.Add((name, p));
            Row(name, p);
        }

        foreach (var variant in variants)
        {
            Report("coordinate ascent: " + variant.Name, Fit(product, variant.Free, Tuning));
        }

        // What the fitted point is made of: the damping and the recency term one at a time.
        var undamped = (double[])product.Clone();
        undamped[^1] = 1;
        Row("decomposition: product with damping 1 (unmatched prior not damped)", undamped);
        var recency = (double[])product.Clone();
        recency[7] = 0.125;
        Row("decomposition: product + last answer 7d 0.125 (damping 0.25)", recency);

        // A second start, popularity-led (no decay), so the ascent is not only a walk around the product's point.
        var popular = (double[])product.Clone();
        (popular[1], popular[3]) = (0, 2);
        Report("coordinate ascent from a no-decay prior: everything", Fit(popular, all, Tuning));
        foreach (var d in new[] { 0.25, 1 })
        {
            Report(FormattableString.Invariant($"pairwise logistic regression, damping {d}: everything"), PairwiseLogistic(samples.Where(x => x.Column < 2).ToList(), d));
        }

        Console.WriteLine();
        Console.WriteLine("## Each feature alone (damping 1), for orientation");
        Console.WriteLine();
        Header("feature");
        for (var k = 0; k < MixtureFeatures.Names.Length; k++)
        {
            var alone = new double[Parameters];
            (alone[k], alone[^1]) = (1, 1);
            Row(MixtureFeatures.Names[k], alone);
        }

        // An upper bound, not a candidate: fitted on matheducators' full rolling split, i.e. on its own test questions.
        if (sites.Contains("matheducators"))
        {
            var m = baseline["matheducators"];
            double Oracle(double[] p)
            {
                var r = Mrr("matheducators", p);
                return ((r[6] / m[6]) + (r[7] / m[7])) / 2;
            }

            Console.WriteLine();
            Console.WriteLine("## Ceiling (NOT a candidate): everything fitted on matheducators' full rolling split itself");
            Console.WriteLine();
            Header("variant");
            Report("ceiling: coordinate ascent on matheducators' test questions", Fit(product, all, Oracle));
            var rolling = samples.Where(x => x.Site == "matheducators" && x.Column < 4).ToList();
            Report("ceiling: pairwise logistic regression on matheducators' test questions", PairwiseLogistic(rolling, 0.25));
            var reachable = rolling.Where(x => x.Column % 2 == 0).ToList();
            Console.WriteLine();
            Console.WriteLine(FormattableString.Invariant(
                $"matheducators, rolling split: {reachable.Count(x => x.Relevant.Contains(true))} of {reachable.Count} test questions have an answerer among the candidates (MRR cannot exceed {reachable.Average(x => x.Relevant.Contains(true) ? 1.0 : 0):0.000})."));
        }

        Console.WriteLine();
        Console.WriteLine("Fitted weights (features: " + string.Join(", ", MixtureFeatures.Names) + ", damping):");
        Console.WriteLine();
        Console.WriteLine("- product: " + Describe(product));
        foreach (var (name, p) in fitted)
        {
            Console.WriteLine($"- {name}: {Describe(p)}");
        }

        void Header(string first)
        {
            Console.WriteLine($"| {first} | tuning score | " + string.Join(" | ", sites.Select(s => $"{s} tune tags / text | held-out | fixed | full rolling")) + " |");
            Console.WriteLine("|---|---|" + string.Concat(sites.Select(_ => "---|---|---|---|")));
        }

        void Row(string name, double[] p)
        {
            var cells = sites.Select(s => Mrr(s, p)).Select(m => FormattableString.Invariant(
                $"{m[0]:0.000} / {m[1]:0.000} | {m[2]:0.000} / {m[3]:0.000} | {m[4]:0.000} / {m[5]:0.000} | {m[6]:0.000} / {m[7]:0.000}"));
            Console.WriteLine(FormattableString.Invariant($"| {name} | {Tuning(p):0.000} | {string.Join(" | ", cells)} |"));
        }
    }

    /// <summary>
    /// Coordinate ascent over the free parameters' grids, from the product's point: a coordinate moves only when the
    /// tuning score rises by at least 0.001 (smaller gains on ~200 questions per site are noise); at most 6 passes.
    /// </summary>
    private static double[] Fit(double[] start, int[] free, Func<double[], double> score)
    {
        var p = (double[])start.Clone();
        var best = score(p);
        for (var pass = 0; pass < 6; pass++)
        {
            var moved = false;
            foreach (var k in free)
            {
                var grid = k == Parameters - 1 ? DampingGrid : WeightGrid;
                foreach (var value in grid)
                {
                    var trial = (double[])p.Clone();
                    trial[k] = value;
                    var s = score(trial);
                    if (s >= best + 0.001)
                    {
                        (p, best, moved) = (trial, s, true);
                    }
                }
            }

            if (!moved)
            {
                break;
            }
        }

        return p;
    }

    /// <summary>
    /// Pairwise logistic regression (RankNet-style, full-batch gradient descent, light L2): every (relevant, other)
    /// candidate pair of a tuning question, weighted so each site and input counts equally and each question once.
    /// The damping is fixed; weights are clipped at 0 (a negative activity weight would route to the inactive).
    /// </summary>
    private static double[] PairwiseLogistic(List<StudySample> tuning, double damping)
    {
        var cells = tuning.GroupBy(x => (x.Site, x.Column)).ToDictionary(g => g.Key, g => g.Count());
        var fixedDamping = new double[Parameters];
        fixedDamping[^1] = damping;
        var pairs = new List<(double[] Difference, double Weight)>();
        foreach (var sample in tuning)
        {
            var rows = Effective(sample, damping);
            var relevant = Enumerable.Range(0, rows.Length).Where(i => sample.Relevant[i]).ToList();
            var others = rows.Length - relevant.Count;
            foreach (var r in relevant)
            {
                for (var j = 0; j < rows.Length; j++)
                {
                    if (!sample.Relevant[j])
                    {
                        pairs.Add(([.. rows[r].Zip(rows[j], (a, b) => a - b)], 1.0 / (relevant.Count * others * cells[(sample.Site, sample.Column)])));
                    }
                }
            }
        }

        var features = MixtureFeatures.Names.Length;
        var w = new double[features];
        var total = pairs.Sum(x => x.Weight);
        for (var step = 0; step < 400; step++)
        {
            var gradient = new double[features];
            foreach (var (difference, weight) in pairs)
            {
                var margin = 0.0;
                for (var k = 0; k < features; k++)
                {
                    margin += w[k] * difference[k];
                }

                var g = -weight / (1 + Math.Exp(margin));
                for (var k = 0; k < features; k++)
                {
                    gradient[k] += g * difference[k];
                }
            }

            for (var k = 0; k < features; k++)
            {
                w[k] = Math.Max(0, w[k] - (2.0 * ((gradient[k] / total) + (0.001 * w[k]))));
            }
        }

        return [.. w, damping];
    }

    private static double[][] Effective(StudySample s, double damping)
    {
        var anyMatch = s.Features.Any(Matched);
        return [.. s.Features.Select(f => f.Select((v, k) => k < MixtureFeatures.ActivityFeatures && anyMatch && !Matched(f) ? v * damping : v).ToArray())];
    }

    private static double Rrs(List<StudySample> samples, double[] p) => samples.Average(s => Rr(s, p));

    private static double Rr(StudySample s, double[] p) => s.ReciprocalRank(Scores(s, p));

    private static double[] Scores(StudySample s, double[] p)
    {
        var anyMatch = s.Features.Any(Matched);
        var scores = new double[s.Features.Length];
        for (var i = 0; i < scores.Length; i++)
        {
            var f = s.Features[i];
            var damping = anyMatch && !Matched(f) ? p[^1] : 1;
            double activity = 0, rest = 0;
            for (var k = 0; k < f.Length; k++)
            {
                if (k < MixtureFeatures.ActivityFeatures)
                {
                    activity += p[k] * f[k];
                }
                else
                {
                    rest += p[k] * f[k];
                }
            }

            scores[i] = (damping * activity) + rest;
        }

        return scores;
    }

    private static bool Matched(double[] f) => f[MixtureFeatures.Topic] > 0 || f[MixtureFeatures.Text] > 0;

    private static string Describe(double[] p) => string.Join(", ", p.Select((w, k) =>
        (k < MixtureFeatures.Names.Length ? MixtureFeatures.Names[k] : "damping") + " " + w.ToString("0.###", CultureInfo.InvariantCulture)));
}
