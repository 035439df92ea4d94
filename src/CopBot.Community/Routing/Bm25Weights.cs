namespace CopBot.Community;

/// <summary>
/// What BM25 needs per snapshot for one (k1, b), computed once (by <see cref="ExpertRanker.Prepare"/>) and kept beside
/// the snapshot like the priors: each past question's length norm, so a posting costs one division and no visit to the
/// question object, and each term's largest term weight over its postings, so idf × it bounds what the term can add to
/// any question's score (max-score pruning, <see cref="DocumentSearch"/>). Both come from the very expressions
/// <see cref="Bm25"/> scores with, so scores are unchanged to the bit and no real contribution exceeds its bound.
/// </summary>
internal sealed class Bm25Weights
{
    private readonly double[] _maxTermWeight;

    private Bm25Weights(RoutingOptions options, double[] lengthNorms, double[] maxTermWeight)
    {
        K1 = options.Bm25K1;
        B = options.Bm25B;
        LengthNorms = lengthNorms;
        _maxTermWeight = maxTermWeight;
    }

    public double K1 { get; }

    public double B { get; }

    /// <summary><see cref="Bm25.LengthNorm"/> of each past question (positions of <see cref="ExpertIndex.Documents"/>).</summary>
    public double[] LengthNorms { get; }

    /// <summary>The weight of a term seen <paramref name="count"/> times in the question at <paramref name="position"/>.</summary>
    public double TermWeight(int count, int position) => Bm25.TermWeight(count, LengthNorms[position], K1);

    /// <summary>The largest term weight of <paramref name="term"/> in any question (0 for a term without postings).</summary>
    public double MaxTermWeight(int term) => term >= 0 && term < _maxTermWeight.Length ? _maxTermWeight[term] : 0;

    public bool Fits(RoutingOptions options) => options.Bm25K1.Equals(K1) && options.Bm25B.Equals(B);

    public static Bm25Weights Compute(ExpertIndex index, RoutingOptions options)
    {
        var norms = new double[index.Documents.Length];
        for (var position = 0; position < norms.Length; position++)
        {
            norms[position] = Bm25.LengthNorm(index.Documents[position].Length, index.AverageDocumentLength, options.Bm25K1, options.Bm25B);
        }

        var max = new double[index.Postings.Length];
        for (var term = 0; term < max.Length; term++)
        {
            foreach (var posting in index.Postings[term])
            {
                max[term] = Math.Max(max[term], Bm25.TermWeight(posting.Count, norms[posting.Document], options.Bm25K1));
            }
        }

        return new Bm25Weights(options, norms, max);
    }
}
