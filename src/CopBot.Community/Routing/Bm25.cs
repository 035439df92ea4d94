namespace CopBot.Community;

/// <summary>The BM25 formulas shared by routing's document model and the knowledge base's search.</summary>
internal static class Bm25
{
    public const double DefaultK1 = 1.2;
    public const double DefaultB = 0.75;

    /// <summary>Robertson-Sparck Jones idf, floored at a small positive value so very common terms never subtract.</summary>
    public static double Idf(int documents, int documentsWithTerm) =>
        Math.Max(0.05, Math.Log(1 + ((documents - documentsWithTerm + 0.5) / (documentsWithTerm + 0.5))));

    /// <summary>The saturated, length-normalised weight of a term seen <paramref name="count"/> times in a document.</summary>
    public static double TermWeight(int count, int length, double averageLength, double k1, double b) =>
        TermWeight(count, LengthNorm(length, averageLength, k1, b), k1);

    /// <summary>The document-length part of <see cref="TermWeight(int, int, double, double, double)"/>, computable once per document.</summary>
    public static double LengthNorm(int length, double averageLength, double k1, double b) => k1 * (1 - b + (b * length / averageLength));

    public static double TermWeight(int count, double lengthNorm, double k1) => count * (k1 + 1) / (count + lengthNorm);

    /// <summary>What a term contributes to a perfect match: a document holding it a few times reaches about idf * (k1 + 1) / 2.</summary>
    public static double Ceiling(double idf, double k1) => idf * (k1 + 1) / 2;
}
