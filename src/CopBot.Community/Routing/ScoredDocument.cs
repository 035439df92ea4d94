namespace CopBot.Community;

/// <summary>A past question (position in <see cref="ExpertIndex.Documents"/>) and its BM25 score for the query.</summary>
internal readonly record struct ScoredDocument(int Position, double Score)
{
    /// <summary>Best first; equal scores by position, so every path lists the same questions in the same order.</summary>
    public bool IsBefore(ScoredDocument other) => Score > other.Score || (Score == other.Score && Position < other.Position);

    /// <summary>Inserts <paramref name="document"/> into <paramref name="best"/> (best first) if it belongs among the first <paramref name="count"/>.</summary>
    public static void Keep(List<ScoredDocument> best, ScoredDocument document, int count)
    {
        if (count <= 0 || (best.Count == count && !document.IsBefore(best[^1])))
        {
            return;
        }

        var at = best.Count;
        while (at > 0 && document.IsBefore(best[at - 1]))
        {
            at--;
        }

        best.Insert(at, document);
        if (best.Count > count)
        {
            best.RemoveAt(count);
        }
    }
}
