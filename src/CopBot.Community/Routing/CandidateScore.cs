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

    /// <summary>Created on first match: most candidates of a large community never match anything.</summary>
    public List<(string Tag, double Evidence)>? MatchedTopics { get; private set; }

    public List<(AnsweredQuestion Question, double Score)>? SimilarQuestions { get; private set; }

    public double Relevance => Math.Max(Coverage, BestSimilarity);

    /// <summary>Credits evidence on one of the query's topics.</summary>
    public void AddTopic(InferredTopic topic, double evidence, double totalTopicWeight)
    {
        Topic += topic.Weight * Math.Log(1 + evidence);
        Coverage += topic.Weight * Math.Min(1, evidence) / totalTopicWeight;
        NameTopic(topic.Tag, evidence);
    }

    public void NameTopic(string tag, double evidence) => (MatchedTopics ??= []).Add((tag, evidence));

    /// <summary>Credits one of the most similar past questions (Balog's document model).</summary>
    public void AddSimilar(AnsweredQuestion question, double score)
    {
        Text += score;
        (SimilarQuestions ??= []).Add((question, score));
    }
}
