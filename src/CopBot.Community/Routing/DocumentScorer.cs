namespace CopBot.Community;

/// <summary>BM25 of the query against every past answered question in the index (via the inverted index).</summary>
internal static class DocumentScorer
{
    /// <summary>Scores by document position, and the score a perfect match would get (to express similarity in 0..1).</summary>
    public static (double[] Scores, double Ceiling) Score(ExpertIndex index, IReadOnlyList<string> queryTerms, RoutingOptions options)
    {
        var scores = new double[index.Documents.Count];
        var ceiling = 0.0;
        var n = index.Documents.Count;
        foreach (var term in queryTerms.Distinct(StringComparer.Ordinal))
        {
            if (!index.Postings.TryGetValue(term, out var postings))
            {
                continue;
            }

            // Robertson-Sparck Jones idf, floored at a small positive value so very common terms never subtract.
            var idf = Math.Max(0.05, Math.Log(1 + ((n - postings.Count + 0.5) / (postings.Count + 0.5))));
            ceiling += idf;
            foreach (var posting in postings)
            {
                var length = index.Documents[posting.Document].Document.Length;
                var norm = options.Bm25K1 * (1 - options.Bm25B + (options.Bm25B * length / index.AverageDocumentLength));
                scores[posting.Document] += idf * posting.Count * (options.Bm25K1 + 1) / (posting.Count + norm);
            }
        }

        // A document holding every query term a few times reaches about idf * (k1 + 1) / 2 per term.
        return (scores, ceiling * (options.Bm25K1 + 1) / 2);
    }

    /// <summary>Positions of the best-scoring documents, best first, ties by position for determinism.</summary>
    public static IReadOnlyList<int> Top(double[] scores, int count) =>
        [.. Enumerable.Range(0, scores.Length).Where(i => scores[i] > 0)
            .OrderByDescending(i => scores[i]).ThenBy(i => i).Take(count)];
}
