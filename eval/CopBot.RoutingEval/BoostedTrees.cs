namespace CopBot.RoutingEval;

/// <summary>One ranked question for <see cref="BoostedTrees"/>: candidate feature rows, who answered, its weight.</summary>
internal sealed record TrainingQuestion(double[][] Rows, bool[] Relevant, double Weight);

internal enum BoostLoss
{
    /// <summary>Logistic loss per candidate, answerers and the others of a question weighted half each.</summary>
    Pointwise,

    /// <summary>LambdaMART: pairwise logistic loss over (answerer, other) pairs weighted by the pair's |ΔNDCG|.</summary>
    Lambda,
}

/// <summary>
/// Gradient-boosted regression trees, small and deterministic (no sampling): each tree is grown level by level on
/// the loss's gradients and hessians over features binned at up to 32 quantiles, leaves take the Newton step
/// −G / (H + 1) times the shrinkage, a split needs a hessian of at least 1 on each side.
/// </summary>
internal sealed class BoostedTrees
{
    private const int MaxBins = 32;
    private const double L2 = 1;
    private const double MinHessian = 1;

    private readonly List<Node[]> _trees = [];

    private readonly record struct Node(int Feature, double Threshold, int Left, int Right, double Value);

    public int Count => _trees.Count;

    /// <summary>Score of a row by the first <paramref name="trees"/> trees (a prefix is the smaller model).</summary>
    public double Score(double[] row, int trees)
    {
        var sum = 0.0;
        foreach (var tree in _trees.Take(trees))
        {
            sum += Leaf(tree, row);
        }

        return sum;
    }

    private static double Leaf(Node[] tree, double[] row)
    {
        var n = 0;
        while (tree[n].Feature >= 0)
        {
            n = row[tree[n].Feature] <= tree[n].Threshold ? tree[n].Left : tree[n].Right;
        }

        return tree[n].Value;
    }

    public static BoostedTrees Fit(IReadOnlyList<TrainingQuestion> questions, BoostLoss loss, int depth, int trees, double shrinkage)
    {
        var rows = questions.SelectMany(q => q.Rows).ToArray();
        var features = rows[0].Length;
        var thresholds = Enumerable.Range(0, features).Select(f => Thresholds(rows, f)).ToArray();
        var bins = Enumerable.Range(0, features).Select(f => rows.Select(r => Bin(thresholds[f], r[f])).ToArray()).ToArray();
        var offsets = new int[questions.Count + 1];
        for (var q = 0; q < questions.Count; q++)
        {
            offsets[q + 1] = offsets[q] + questions[q].Rows.Length;
        }

        var model = new BoostedTrees();
        var scores = new double[rows.Length];
        var g = new double[rows.Length];
        var h = new double[rows.Length];
        for (var t = 0; t < trees; t++)
        {
            Array.Clear(g);
            Array.Clear(h);
            for (var q = 0; q < questions.Count; q++)
            {
                Gradients(questions[q], loss, scores.AsSpan(offsets[q], questions[q].Rows.Length), g.AsSpan(offsets[q]), h.AsSpan(offsets[q]));
            }

            var tree = Grow(bins, thresholds, g, h, depth, shrinkage);
            model._trees.Add(tree);
            for (var i = 0; i < rows.Length; i++)
            {
                scores[i] += Leaf(tree, rows[i]);
            }
        }

        return model;
    }

    private static void Gradients(TrainingQuestion question, BoostLoss loss, Span<double> s, Span<double> g, Span<double> h)
    {
        var positives = question.Relevant.Count(r => r);
        var negatives = question.Relevant.Length - positives;
        if (positives == 0 || negatives == 0)
        {
            return;
        }

        if (loss == BoostLoss.Pointwise)
        {
            for (var i = 0; i < s.Length; i++)
            {
                var weight = question.Weight * 0.5 / (question.Relevant[i] ? positives : negatives);
                var p = 1 / (1 + Math.Exp(-s[i]));
                g[i] = weight * (p - (question.Relevant[i] ? 1 : 0));
                h[i] = weight * Math.Max(p * (1 - p), 1e-6);
            }

            return;
        }

        // Rank positions by the current scores (ties to the earlier candidate, as the evaluation breaks them).
        var order = Enumerable.Range(0, s.Length).ToArray();
        var copy = s.ToArray();
        Array.Sort(order, (a, b) => copy[b].CompareTo(copy[a]) is var c && c != 0 ? c : a.CompareTo(b));
        var rank = new int[s.Length];
        for (var k = 0; k < order.Length; k++)
        {
            rank[order[k]] = k;
        }

        var ideal = Enumerable.Range(0, positives).Sum(k => 1 / Math.Log2(2 + k));
        for (var i = 0; i < s.Length; i++)
        {
            if (!question.Relevant[i])
            {
                continue;
            }

            for (var j = 0; j < s.Length; j++)
            {
                if (question.Relevant[j])
                {
                    continue;
                }

                var delta = Math.Abs((1 / Math.Log2(2 + rank[i])) - (1 / Math.Log2(2 + rank[j]))) / ideal;
                var rho = 1 / (1 + Math.Exp(s[i] - s[j]));
                var lambda = question.Weight * delta * rho;
                var hessian = Math.Max(question.Weight * delta * rho * (1 - rho), 1e-9);
                g[i] -= lambda;
                g[j] += lambda;
                h[i] += hessian;
                h[j] += hessian;
            }
        }
    }

    private static Node[] Grow(byte[][] bins, double[][] thresholds, double[] g, double[] h, int depth, double shrinkage)
    {
        var nodes = new List<Node>();
        var members = new List<int[]>();
        nodes.Add(default);
        members.Add([.. Enumerable.Range(0, g.Length)]);
        var level = new List<int> { 0 };
        for (var d = 0; d <= depth; d++)
        {
            var next = new List<int>();
            foreach (var n in level)
            {
                var rows = members[n];
                double gSum = 0, hSum = 0;
                foreach (var r in rows)
                {
                    gSum += g[r];
                    hSum += h[r];
                }

                var split = d < depth ? BestSplit(bins, g, h, rows, gSum, hSum) : null;
                if (split is not { } s)
                {
                    nodes[n] = new Node(-1, 0, 0, 0, -shrinkage * gSum / (hSum + L2));
                    continue;
                }

                var left = rows.Where(r => bins[s.Feature][r] <= s.Bin).ToArray();
                var right = rows.Where(r => bins[s.Feature][r] > s.Bin).ToArray();
                nodes[n] = new Node(s.Feature, thresholds[s.Feature][s.Bin], nodes.Count, nodes.Count + 1, 0);
                foreach (var part in new[] { left, right })
                {
                    next.Add(nodes.Count);
                    nodes.Add(default);
                    members.Add(part);
                }
            }

            level = next;
        }

        return [.. nodes];
    }

    private static (int Feature, int Bin)? BestSplit(byte[][] bins, double[] g, double[] h, int[] rows, double gSum, double hSum)
    {
        (int Feature, int Bin)? best = null;
        var bestGain = 1e-12;
        var parent = gSum * gSum / (hSum + L2);
        var gHist = new double[MaxBins + 1];
        var hHist = new double[MaxBins + 1];
        for (var f = 0; f < bins.Length; f++)
        {
            Array.Clear(gHist);
            Array.Clear(hHist);
            var column = bins[f];
            foreach (var r in rows)
            {
                gHist[column[r]] += g[r];
                hHist[column[r]] += h[r];
            }

            double gLeft = 0, hLeft = 0;
            for (var b = 0; b < MaxBins; b++)
            {
                gLeft += gHist[b];
                hLeft += hHist[b];
                var hRight = hSum - hLeft;
                if (hLeft < MinHessian || hRight < MinHessian)
                {
                    continue;
                }

                var gRight = gSum - gLeft;
                var gain = (gLeft * gLeft / (hLeft + L2)) + (gRight * gRight / (hRight + L2)) - parent;
                if (gain > bestGain)
                {
                    (best, bestGain) = ((f, b), gain);
                }
            }
        }

        return best;
    }

    // Up to 32 distinct quantiles of the feature: bin b holds values ≤ thresholds[b] (above the last: bin Length).
    private static double[] Thresholds(double[][] rows, int feature)
    {
        var values = rows.Select(r => r[feature]).Order().ToArray();
        return [.. Enumerable.Range(1, MaxBins - 1).Select(k => values[(int)((long)k * (values.Length - 1) / (MaxBins - 1))]).Distinct().Take(MaxBins)];
    }

    private static byte Bin(double[] thresholds, double value)
    {
        var at = Array.BinarySearch(thresholds, value);
        return (byte)(at >= 0 ? at : ~at);
    }
}
