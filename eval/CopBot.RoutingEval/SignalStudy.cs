using System.Globalization;
using CopBot.Community;

namespace CopBot.RoutingEval;

/// <summary>
/// Study of candidate extra signals (<c>--signals</c>, several site folders). The product ranks each test question
/// once per input; a variant re-sorts the product's scores plus w × log(1 + signal) normalised to 0..1 over the
/// candidates (what a term in the ranker's combination does; the sites have no organisations, so no diversity step),
/// or boosts them by a factor when the signal is present, or fuses the two rankings (reciprocal rank fusion).
/// Weights are chosen on the tuning half of the rolling test period only, by the mean over both sites and both inputs
/// of MRR relative to the product's; the held-out half and the fixed split are printed beside, never used to choose.
/// </summary>
public static class SignalStudy
{
    private static readonly double[] AddWeights = [0.25, 0.5, 1, 2, 4];
    private static readonly double[] Boosts = [0.05, 0.1, 0.2];
    private static readonly string[] Columns = ["tune tags", "tune text", "held-out tags", "held-out text", "fixed tags", "fixed text"];

    private enum Kind
    {
        Add,
        Boost,
        Fuse,
    }

    private sealed record Term(int Feature, Kind Kind, double Weight)
    {
        public override string ToString() => Kind switch
        {
            Kind.Add => FormattableString.Invariant($"{SignalFeatures.Names[Feature]} +{Weight}"),
            Kind.Boost => FormattableString.Invariant($"{SignalFeatures.Names[Feature]} x{1 + Weight}"),
            _ => FormattableString.Invariant($"{SignalFeatures.Names[Feature]} rrf k={Weight}"),
        };
    }

    // Column: 0/1 tuning half with tags / text, 2/3 held-out half, 4/5 fixed split.
    private sealed record Sample(string Site, int Column, IReadOnlyList<(string Id, double Score)> Ranked, IReadOnlySet<string> Relevant, IReadOnlyDictionary<string, double[]> Features);

    public static void Run(IReadOnlyList<string> folders)
    {
        ArgumentNullException.ThrowIfNull(folders);
        var samples = folders.SelectMany(Collect).ToList();
        var sites = samples.Select(s => s.Site).Distinct().ToList();
        var byCell = samples.GroupBy(s => (s.Site, s.Column)).ToDictionary(g => g.Key, g => g.ToList());
        double[] Mrr(string site, IReadOnlyList<Term> terms) =>
            [.. Enumerable.Range(0, Columns.Length).Select(c => byCell[(site, c)].Average(s => QuestionMetrics.Of(Rank(s, terms), s.Relevant).Rr))];
        var baseline = sites.ToDictionary(s => s, s => Mrr(s, []));
        // Tuning score: mean over sites and inputs of the tuning-half MRR relative to the product's.
        double Tuning(IReadOnlyDictionary<string, double[]> mrr) => sites.Average(s => ((mrr[s][0] / baseline[s][0]) + (mrr[s][1] / baseline[s][1])) / 2);

        var singles = Enumerable.Range(0, SignalFeatures.Names.Length).SelectMany(f =>
                AddWeights.Select(w => new Term(f, Kind.Add, w))
                    .Concat(f < 3 ? Boosts.Select(w => new Term(f, Kind.Boost, w)) : [])
                    .Concat(f == 0 ? [new Term(f, Kind.Fuse, 10), new Term(f, Kind.Fuse, 60)] : []))
            .Select(t => (Term: t, Mrr: (IReadOnlyDictionary<string, double[]>)sites.ToDictionary(s => s, s => Mrr(s, [t]))))
            .ToList();

        Console.WriteLine("## How often a candidate with the signal answered (tuning half, with tags), beside the product's top 5");
        Console.WriteLine();
        foreach (var site in sites)
        {
            var tuning = byCell[(site, 0)];
            var top5 = tuning.SelectMany(x => x.Ranked.Take(5).Select(r => x.Relevant.Contains(r.Id))).ToList();
            Console.WriteLine(FormattableString.Invariant($"- {site}: product top 5 {(double)top5.Count(b => b) / top5.Count:0.000}"));
            for (var f = 0; f < SignalFeatures.Names.Length; f++)
            {
                var with = tuning.SelectMany(x => x.Ranked.Where(r => x.Features[r.Id][f] > 0).Select(r => x.Relevant.Contains(r.Id))).ToList();
                Console.WriteLine(FormattableString.Invariant(
                    $"  - {SignalFeatures.Names[f]}: {with.Count(b => b)} of {with.Count} ({(double)with.Count(b => b) / Math.Max(1, with.Count):0.000})"));
            }
        }

        Console.WriteLine();
        Console.WriteLine("## Every variant (MRR)");
        Console.WriteLine();
        Header("variant");
        Row("product (CopBot defaults)", baseline, Tuning(baseline));
        foreach (var (term, mrr) in singles)
        {
            Row(term.ToString(), mrr, Tuning(mrr));
        }

        Console.WriteLine();
        Console.WriteLine("## Best weight per signal, chosen on the tuning half");
        Console.WriteLine();
        Header("signal");
        Row("product (CopBot defaults)", baseline, 1);
        foreach (var best in singles.GroupBy(s => s.Term.Feature).Select(g => g.MaxBy(s => Tuning(s.Mrr))).OrderByDescending(s => Tuning(s.Mrr)))
        {
            Row(best.Term.ToString(), best.Mrr, Tuning(best.Mrr));
        }

        // Greedy forward selection of up to three additive terms, each step kept only if the tuning score rises by 0.005.
        var chosen = new List<Term>();
        var current = 1.0;
        for (var step = 0; step < 3; step++)
        {
            var next = singles.Where(s => s.Term.Kind == Kind.Add && chosen.All(c => c.Feature != s.Term.Feature))
                .Select(s => chosen.Append(s.Term).ToList())
                .Select(terms => (Terms: terms, Mrr: (IReadOnlyDictionary<string, double[]>)sites.ToDictionary(s => s, s => Mrr(s, terms))))
                .MaxBy(c => Tuning(c.Mrr));
            if (Tuning(next.Mrr) < current + 0.005)
            {
                break;
            }

            chosen = next.Terms;
            current = Tuning(next.Mrr);
            Row("forward selection: " + string.Join(" & ", chosen), next.Mrr, current);
        }

        void Header(string first)
        {
            Console.WriteLine($"| {first} | tuning score | " + string.Join(" | ", sites.Select(s => $"{s} tune tags / text | held-out | fixed")) + " |");
            Console.WriteLine("|---|---|" + string.Concat(sites.Select(_ => "---|---|---|")));
        }

        void Row(string name, IReadOnlyDictionary<string, double[]> mrr, double score)
        {
            var cells = sites.Select(s => FormattableString.Invariant(
                $"{mrr[s][0]:0.000} / {mrr[s][1]:0.000} | {mrr[s][2]:0.000} / {mrr[s][3]:0.000} | {mrr[s][4]:0.000} / {mrr[s][5]:0.000}"));
            Console.WriteLine(FormattableString.Invariant($"| {name} | {score:0.000} | {string.Join(" | ", cells)} |"));
        }
    }

    private static List<Sample> Collect(string folder)
    {
        var site = StudySplits.SiteName(folder);
        var samples = new List<Sample>();
        StudySplits.Run(folder, dump =>
        {
            var features = new SignalFeatures(dump);
            var ranker = new ExpertRanker(new RoutingOptions());
            return (state, question, withTags, cell) =>
            {
                var query = new RoutingQuery(question.Title + "\n" + question.Body, withTags ? question.Tags : [], question.OwnerId, int.MaxValue);
                var ranked = ranker.Rank(state.Index, query, new RoutingContext(question.At)).Experts.Select(e => (e.Id, e.Score)).ToList();
                samples.Add(new Sample(site, cell.Column, ranked, cell.Relevant, ranked.ToDictionary(r => r.Id, r => features.Of(state, question, r.Id), StringComparer.Ordinal)));
                return [.. ranked.Select(r => r.Id)];
            };
        });
        Console.Error.WriteLine($"{site}: {samples.Count} ranked samples");
        return samples;
    }

    private static List<string> Rank(Sample s, IReadOnlyList<Term> terms)
    {
        if (terms.Count == 1 && terms[0].Kind == Kind.Fuse)
        {
            return Fused(s, terms[0].Feature, terms[0].Weight);
        }

        var max = terms.Select(t => s.Ranked.Max(r => Math.Log(1 + s.Features[r.Id][t.Feature]))).ToList();
        double Score(string id, double score)
        {
            for (var i = 0; i < terms.Count; i++)
            {
                var value = s.Features[id][terms[i].Feature];
                score = terms[i].Kind == Kind.Boost
                    ? score * (value > 0 ? 1 + terms[i].Weight : 1)
                    : score + (max[i] > 0 ? terms[i].Weight * Math.Log(1 + value) / max[i] : 0);
            }

            return score;
        }

        return [.. s.Ranked.Select((r, i) => (r.Id, i, Score: Score(r.Id, r.Score)))
            .OrderByDescending(x => x.Score).ThenBy(x => x.i).Select(x => x.Id)];
    }

    // Reciprocal rank fusion: 1/(k + product rank) + 1/(k + signal rank) for candidates that have the signal.
    private static List<string> Fused(Sample s, int feature, double k)
    {
        var bySignal = s.Ranked.Select((r, i) => (r.Id, i)).OrderByDescending(x => s.Features[x.Id][feature]).ThenBy(x => x.i)
            .Select((x, rank) => (x.Id, rank)).ToDictionary(x => x.Id, x => x.rank, StringComparer.Ordinal);
        return [.. s.Ranked.Select((r, i) => (r.Id, i, Score: (1.0 / (k + i)) + (s.Features[r.Id][feature] > 0 ? 1.0 / (k + bySignal[r.Id]) : 0)))
            .OrderByDescending(x => x.Score).ThenBy(x => x.i).Select(x => x.Id)];
    }
}
