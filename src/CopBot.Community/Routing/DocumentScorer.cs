namespace CopBot.Community;

/// <summary>
/// BM25 of the query against every past answered question that shares a term with it (via the inverted index): the
/// exhaustive reference of <see cref="RoutingOptions.ScoreEveryone"/>; routing itself prunes (<see cref="DocumentSearch"/>).
/// Scores live in a per-thread scratch array sized to the snapshot; only the touched positions are listed and later cleared.
/// </summary>
internal sealed class DocumentScorer : IDisposable
{
    [ThreadStatic]
    private static double[]? s_scratch;

    private DocumentScorer(double[] scores, List<int> touched, double ceiling)
    {
        Scores = scores;
        Touched = touched;
        Ceiling = ceiling;
    }

    /// <summary>Score by document position; 0 for every position not in <see cref="Touched"/>.</summary>
    public double[] Scores { get; }

    /// <summary>Positions with a positive score, in no particular order.</summary>
    public List<int> Touched { get; }

    /// <summary>The score a perfect match would get (to express similarity in 0..1).</summary>
    public double Ceiling { get; }

    public static DocumentScorer Score(ExpertIndex index, IReadOnlyList<string> queryTerms, RoutingOptions options)
    {
        var n = index.Documents.Length;
        var scores = s_scratch is { } reused && reused.Length >= n ? reused : new double[n];
        s_scratch = null;
        var touched = new List<int>();
        var ceiling = 0.0;
        foreach (var term in queryTerms.Distinct(StringComparer.Ordinal))
        {
            var postings = index.PostingsOf(term);
            if (postings.Length == 0)
            {
                continue;
            }

            var idf = Bm25.Idf(n, postings.Length);
            ceiling += Bm25.Ceiling(idf, options.Bm25K1);
            foreach (var posting in postings)
            {
                if (scores[posting.Document] == 0)
                {
                    touched.Add(posting.Document);
                }

                var length = index.Documents[posting.Document].Length;
                scores[posting.Document] += idf * Bm25.TermWeight(posting.Count, length, index.AverageDocumentLength, options.Bm25K1, options.Bm25B);
            }
        }

        return new DocumentScorer(scores, touched, ceiling);
    }

    /// <summary>The best-scoring documents, best first, ties by position for determinism (bounded selection).</summary>
    public IReadOnlyList<ScoredDocument> Top(int count)
    {
        var best = new List<ScoredDocument>(Math.Max(0, count) + 1);
        foreach (var position in Touched)
        {
            ScoredDocument.Keep(best, new ScoredDocument(position, Scores[position]), count);
        }

        return best;
    }

    /// <summary>Clears the touched positions and hands the array back for the thread's next request.</summary>
    public void Dispose()
    {
        foreach (var position in Touched)
        {
            Scores[position] = 0;
        }

        s_scratch = Scores;
    }
}
