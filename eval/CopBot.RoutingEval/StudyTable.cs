namespace CopBot.RoutingEval;

/// <summary>
/// MRR of a scoring of every <see cref="StudySample"/> (by its index in the list), per site: tuning half, held-out
/// half and fixed split (tags / text each) and the full rolling split, printed as the mixture study's tables. The
/// tuning score is the mean over sites and inputs of the tuning-half MRR relative to the product's.
/// </summary>
internal sealed class StudyTable
{
    private readonly IReadOnlyList<StudySample> _samples;
    private readonly double[] _product;

    public StudyTable(IReadOnlyList<StudySample> samples)
    {
        _samples = samples;
        Sites = [.. samples.Select(s => s.Site).Distinct()];
        _product = Evaluate(ProductOrder);
    }

    public IReadOnlyList<string> Sites { get; }

    /// <summary>The product's own ranking: the samples hold candidates in its order.</summary>
    public double[] ProductOrder(int sample) => [.. Enumerable.Range(0, _samples[sample].Relevant.Length).Select(i => -(double)i)];

    /// <summary>Reciprocal rank of each sample under the scoring.</summary>
    public double[] Evaluate(Func<int, double[]> scores) => [.. _samples.Select((s, k) => s.ReciprocalRank(scores(k)))];

    /// <summary>MRR per column 0..5, then 6/7 = full rolling split (both halves) with tags / text.</summary>
    public double[] Mrr(double[] rr, string site)
    {
        var cells = Enumerable.Range(0, 6).Select(c => Cell(rr, k => _samples[k].Site == site && _samples[k].Column == c)).ToList();
        return [.. cells.Select(c => c.Average()), cells[0].Concat(cells[2]).Average(), cells[1].Concat(cells[3]).Average()];
    }

    /// <summary>Mean over sites and inputs of the MRR on the chosen samples relative to the product's on the same.</summary>
    public double Relative(double[] rr, Func<StudySample, bool> where)
    {
        return _samples.Select((s, k) => (s, k)).Where(x => where(x.s)).GroupBy(x => (x.s.Site, x.s.Column))
            .Select(g => g.Average(x => rr[x.k]) / g.Average(x => _product[x.k])).Average();
    }

    public double Tuning(double[] rr) => Relative(rr, s => s.Column < 2);

    public void Header(string first, string? extra = null)
    {
        Console.WriteLine($"| {first} | {(extra is null ? "" : extra + " | ")}tuning score | " + string.Join(" | ", Sites.Select(s => $"{s} tune tags / text | held-out | fixed | full rolling")) + " |");
        Console.WriteLine("|---|" + (extra is null ? "" : "---|") + "---|" + string.Concat(Sites.Select(_ => "---|---|---|---|")));
    }

    public void Row(string name, double[] rr, string? extra = null)
    {
        var cells = Sites.Select(s => Mrr(rr, s)).Select(m => FormattableString.Invariant(
            $"{m[0]:0.000} / {m[1]:0.000} | {m[2]:0.000} / {m[3]:0.000} | {m[4]:0.000} / {m[5]:0.000} | {m[6]:0.000} / {m[7]:0.000}"));
        Console.WriteLine(FormattableString.Invariant($"| {name} | {(extra is null ? "" : extra + " | ")}{Tuning(rr):0.000} | {string.Join(" | ", cells)} |"));
    }

    private static List<double> Cell(double[] rr, Func<int, bool> where) => [.. Enumerable.Range(0, rr.Length).Where(where).Select(k => rr[k])];
}
