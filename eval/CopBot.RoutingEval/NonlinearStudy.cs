using System.Diagnostics;
using System.Globalization;

namespace CopBot.RoutingEval;

/// <summary>
/// Study of non-linear rankers (<c>--nonlinear</c>, several site folders): gradient-boosted trees
/// (<see cref="BoostedTrees"/>) over the mixture study's 12 features, plus raw features (<see cref="NonlinearFeatures"/>),
/// plus past answers' votes and acceptance. Fitted on the tuning half of all sites jointly; the configuration (loss,
/// depth, trees) is chosen inside the tuning half: fitted on its first two thirds (by question time, per site) and
/// scored on its last third, then refitted on the whole tuning half. Held-out half, fixed split and full rolling are
/// printed beside and never used to choose. A ceiling fitted on matheducators' own test questions is printed apart.
/// </summary>
internal static class NonlinearStudy
{
    private const double Shrinkage = 0.1;
    private static readonly int[] TreeCounts = [50, 100, 200];
    private static readonly (BoostLoss Loss, int Depth)[] Learners = [(BoostLoss.Pointwise, 2), (BoostLoss.Pointwise, 3), (BoostLoss.Lambda, 2), (BoostLoss.Lambda, 3)];

    private sealed record FeatureSet(string Name, double[][][] Rows);

    private sealed record Config(BoostLoss Loss, int Depth, int Trees)
    {
        public override string ToString() => FormattableString.Invariant($"{(Loss == BoostLoss.Lambda ? "lambda" : "pointwise")}, depth {Depth}, {Trees} trees");
    }

    public static void Run(IReadOnlyList<string> folders)
    {
        ArgumentNullException.ThrowIfNull(folders);
        var clock = Stopwatch.StartNew();
        var samples = folders.SelectMany(f => StudySamples.Collect(f, dump => new NonlinearFeatures(dump, AnswerFeedback.Load(f)).Of)).ToList();
        Console.Error.WriteLine(FormattableString.Invariant($"samples collected in {clock.Elapsed.TotalSeconds:0} s"));
        var table = new StudyTable(samples);
        FeatureSet[] sets =
        [
            new("12 mixture features", Rows(samples, 0)),
            new("12 mixture + raw features", Rows(samples, NonlinearFeatures.FirstQueryLikelihood)),
            new("12 mixture + raw + query likelihood", Rows(samples, NonlinearFeatures.FirstFeedback)),
            new("12 mixture + raw + query likelihood + feedback (votes, acceptance: may leak)", Rows(samples, NonlinearFeatures.Names.Length)),
        ];

        var tuning = Enumerable.Range(0, samples.Count).Where(k => samples[k].Column < 2).ToList();
        var cut = samples.Where(s => s.Column < 2).GroupBy(s => s.Site).ToDictionary(
            g => g.Key, g => g.Select(s => s.Position).Distinct().Order().ElementAt(g.Select(s => s.Position).Distinct().Count() * 2 / 3));
        var innerTrain = tuning.Where(k => samples[k].Position < cut[samples[k].Site]).ToList();
        var innerValidation = tuning.Where(k => samples[k].Position >= cut[samples[k].Site]).ToHashSet();

        var product = table.Evaluate(table.ProductOrder);
        var chosen = new List<(string Name, double[] Rr, string Validation)>();
        var grids = new List<(FeatureSet Set, List<(Config Config, double Validation, double[] Rr)> Rows)>();
        foreach (var set in sets)
        {
            var grid = new List<(Config, double, double[])>();
            foreach (var (loss, depth) in Learners)
            {
                var inner = BoostedTrees.Fit(Training(samples, set, innerTrain), loss, depth, TreeCounts[^1], Shrinkage);
                var full = BoostedTrees.Fit(Training(samples, set, tuning), loss, depth, TreeCounts[^1], Shrinkage);
                foreach (var trees in TreeCounts)
                {
                    var validation = table.Evaluate(k => innerValidation.Contains(k) ? Scores(inner, set.Rows[k], trees) : table.ProductOrder(k));
                    var score = table.Relative(validation, s => s.Column < 2 && s.Position >= cut[s.Site]);
                    grid.Add((new Config(loss, depth, trees), score, table.Evaluate(k => Scores(full, set.Rows[k], trees))));
                }
            }

            var best = grid.OrderByDescending(x => x.Item2).First();
            chosen.Add(($"{set.Name}: {best.Item1}", best.Item3, Format(best.Item2)));
            grids.Add((set, grid));
            Console.Error.WriteLine(FormattableString.Invariant($"{set.Name}: fitted at {clock.Elapsed.TotalSeconds:0} s"));
        }

        Console.WriteLine("## Boosted trees fitted on the tuning half, configuration chosen on the tuning half's last third (MRR)");
        Console.WriteLine();
        table.Header("ranker", "validation score");
        table.Row("product (CopBot defaults)", product, Format(table.Relative(product, s => s.Column < 2 && s.Position >= cut[s.Site])));
        (string Name, int Column)[] alone =
        [
            ("BM25 per user alone (orientation)", NonlinearFeatures.Bm25Raw),
            ("query likelihood per user alone (orientation)", NonlinearFeatures.FirstQueryLikelihood),
            ("query likelihood per answer, summed per user, alone (orientation)", NonlinearFeatures.FirstQueryLikelihood + 2),
        ];
        foreach (var (name, column) in alone)
        {
            var rr = table.Evaluate(k => [.. samples[k].Extra.Select(x => x[column])]);
            table.Row(name, rr, Format(table.Relative(rr, s => s.Column < 2 && s.Position >= cut[s.Site])));
        }

        foreach (var (name, rr, validation) in chosen)
        {
            table.Row(name, rr, validation);
        }

        foreach (var (set, grid) in grids)
        {
            Console.WriteLine();
            Console.WriteLine($"## Every configuration: {set.Name}");
            Console.WriteLine();
            table.Header("configuration", "validation score");
            foreach (var (config, validation, rr) in grid)
            {
                table.Row(config.ToString(), rr, Format(validation));
            }
        }

        if (table.Sites.Contains("matheducators"))
        {
            Ceiling(samples, table, [sets[1], sets[^1]], product);
        }

        Console.WriteLine();
        Console.WriteLine(FormattableString.Invariant($"{tuning.Count / 2} tuning questions ({innerTrain.Count / 2} to fit the configurations, {innerValidation.Count / 2} to choose one); elapsed {clock.Elapsed.TotalSeconds:0} s"));
    }

    /// <summary>
    /// Upper bound, NOT a candidate: each learner fitted on matheducators' full rolling split (its test questions), and
    /// a matheducators-only model cross-fitted between the halves (each half scored by the model of the other).
    /// </summary>
    private static void Ceiling(List<StudySample> samples, StudyTable table, FeatureSet[] sets, double[] product)
    {
        var rolling = Enumerable.Range(0, samples.Count).Where(k => samples[k].Site == "matheducators" && samples[k].Column < 4).ToList();
        var first = rolling.Where(k => samples[k].Column < 2).ToList();
        var second = rolling.Where(k => samples[k].Column >= 2).ToList();
        Console.WriteLine();
        Console.WriteLine("## Ceiling (NOT a candidate): fitted on matheducators' full rolling split itself (in-sample)");
        Console.WriteLine();
        table.Header("fit");
        table.Row("product (CopBot defaults)", product);
        foreach (var set in sets)
        {
            foreach (var (loss, depth) in Learners)
            {
                var model = BoostedTrees.Fit(Training(samples, set, rolling), loss, depth, TreeCounts[^1], Shrinkage);
                foreach (var trees in TreeCounts)
                {
                    table.Row($"in-sample: {set.Name}, {new Config(loss, depth, trees)}", table.Evaluate(k => Scores(model, set.Rows[k], trees)));
                }
            }

            foreach (var (loss, depth) in Learners)
            {
                var onFirst = BoostedTrees.Fit(Training(samples, set, first), loss, depth, TreeCounts[^1], Shrinkage);
                var onSecond = BoostedTrees.Fit(Training(samples, set, second), loss, depth, TreeCounts[^1], Shrinkage);
                foreach (var trees in TreeCounts)
                {
                    table.Row(
                        $"cross-fitted halves, matheducators only: {set.Name}, {new Config(loss, depth, trees)}",
                        table.Evaluate(k => Scores(samples[k].Column is 0 or 1 ? onSecond : onFirst, set.Rows[k], trees)));
                }
            }
        }
    }

    // Each site and input counts equally, each question once within its cell (mean weight 1).
    private static List<TrainingQuestion> Training(List<StudySample> samples, FeatureSet set, List<int> chosen)
    {
        var cells = chosen.GroupBy(k => (samples[k].Site, samples[k].Column)).ToDictionary(g => g.Key, g => g.Count());
        return [.. chosen.Select(k => new TrainingQuestion(set.Rows[k], samples[k].Relevant, (double)chosen.Count / (cells.Count * cells[(samples[k].Site, samples[k].Column)])))];
    }

    private static double[] Scores(BoostedTrees model, double[][] rows, int trees) => [.. rows.Select(r => model.Score(r, trees))];

    // The 12 mixture features, then "matched" (topic or text evidence, what the product's damping keys on) and the
    // first <paramref name="extra"/> raw features.
    private static double[][][] Rows(List<StudySample> samples, int extra) =>
        [.. samples.Select(s => s.Features.Select((f, i) => extra == 0
            ? f
            : [.. f, f[MixtureFeatures.Topic] > 0 || f[MixtureFeatures.Text] > 0 ? 1 : 0, .. s.Extra[i].Take(extra)]).ToArray())];

    private static string Format(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);
}
