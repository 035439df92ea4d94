namespace CopBot.Community;

/// <summary>The evidence gathered for one candidate while ranking; mutable scratch of a single request.</summary>
internal sealed class CandidateScore(int expert)
{
    public int Expert { get; } = expert;

    /// <summary>Recency-decayed count of answers (the popularity prior).</summary>
    public double Activity { get; set; }

    /// <summary>Σ over query topics of weight · log(1 + decayed answers on the topic + skill credit).</summary>
    public double Topic { get; set; }

    /// <summary>Share of the query's topic weight the expert has any evidence for (0..1).</summary>
    public double Coverage { get; set; }

    /// <summary>Σ of BM25 over the expert's past questions among the most similar ones (document model).</summary>
    public double Text { get; set; }

    /// <summary>The expert's most similar past question, as a fraction of a perfect match (0..1).</summary>
    public double BestSimilarity { get; set; }

    public double Feedback { get; set; }

    public double Score { get; set; }

    public List<(string Tag, double Evidence)> MatchedTopics { get; } = [];

    public List<(AnsweredQuestion Question, double Score)> SimilarQuestions { get; } = [];

    public double Relevance => Math.Max(Coverage, BestSimilarity);
}
