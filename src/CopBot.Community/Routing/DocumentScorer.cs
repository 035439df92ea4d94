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

            var idf = Bm25.Idf(n, postings.Count);
            ceiling += Bm25.Ceiling(idf, options.Bm25K1);
            foreach (var posting in postings)
            {
                var length = index.Documents[posting.Document].Document.Length;
                scores[posting.Document] += idf * Bm25.TermWeight(posting.Count, length, index.AverageDocumentLength, options.Bm25K1, options.Bm25B);
            }
        }

        return (scores, ceiling);
    }

    /// <summary>Positions of the best-scoring documents, best first, ties by position for determinism.</summary>
    public static IReadOnlyList<int> Top(double[] scores, int count) =>
        [.. Enumerable.Range(0, scores.Length).Where(i => scores[i] > 0)
            .OrderByDescending(i => scores[i]).ThenBy(i => i).Take(count)];
}
