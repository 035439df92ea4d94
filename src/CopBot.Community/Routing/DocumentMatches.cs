namespace CopBot.Community;

/// <summary>
/// What routing needs from the BM25 search over past questions: the most similar ones (best first), the score of a
/// perfect match, and the best score of a question answered by an eligible expert (the text half of the gap test).
/// </summary>
internal sealed record DocumentMatches(IReadOnlyList<ScoredDocument> Similar, double Ceiling, double BestEligibleScore)
{
    /// <summary><paramref name="score"/> as a fraction of a perfect match (0..1).</summary>
    public static double Similarity(double score, double ceiling) => ceiling > 0 && score > 0 ? Math.Min(1, score / ceiling) : 0;

    public double BestEligibleSimilarity => Similarity(BestEligibleScore, Ceiling);
}
