namespace CopBot.Community;

/// <summary>Routing weights and rules. Defaults were tuned on Stack Exchange data (see docs/routing.md).</summary>
public sealed record RoutingOptions
{
    /// <summary>How many experts a result lists by default (a query's own Top wins when positive).</summary>
    public int TopN { get; init; } = 3;

    /// <summary>Weight of answer activity (popularity, decayed by recency).</summary>
    public double PriorWeight { get; init; } = 2.0;

    /// <summary>Multiplies the prior of experts with no topic or text match while others have one (1 = no damping).</summary>
    public double UnmatchedPriorFactor { get; init; } = 0.25;

    /// <summary>Weight of topic evidence: answers on the query's topics and declared skills.</summary>
    public double TopicWeight { get; init; } = 0.75;

    /// <summary>Weight of the document model: similarity of the expert's past questions to the query.</summary>
    public double TextWeight { get; init; } = 0.5;

    /// <summary>Weight of learned feedback on the query's topics.</summary>
    public double FeedbackWeight { get; init; } = 1.0;

    /// <summary>
    /// Recency: an answer's weight in the activity prior halves after this many later answers in the community (null:
    /// no decay). Counting answers rather than days adapts to the community's pace: busy and quiet communities alike.
    /// </summary>
    public double? ActivityHalfLife { get; init; } = 50;

    /// <summary>The same for topic evidence; expertise fades slower than presence.</summary>
    public double? TopicHalfLife { get; init; } = 500;

    /// <summary>Every answer keeps at least this weight in the activity prior, so long-standing experts are not forgotten.</summary>
    public double ActivityFloor { get; init; } = 0.02;

    /// <summary>A declared skill counts as this many answers on its tag per level point.</summary>
    public double AnswersPerSkillLevel { get; init; } = 0.5;

    /// <summary>BM25 parameters of the document model.</summary>
    public double Bm25K1 { get; init; } = 1.2;

    public double Bm25B { get; init; } = 0.75;

    /// <summary>How many most similar past questions feed the document model and topic inference.</summary>
    public int SimilarQuestions { get; init; } = 10;

    /// <summary>How many topics are inferred from text at most.</summary>
    public int MaxInferredTopics { get; init; } = 4;

    /// <summary>An inferred topic needs at least this share of the best topic's vote.</summary>
    public double MinTopicShare { get; init; } = 0.3;

    /// <summary>Weight of inferred topics beside explicit tags (explicit tags weigh 1).</summary>
    public double InferredTopicWeight { get; init; } = 0.5;

    /// <summary>Below this relevance (0..1, topic coverage or text similarity) the best expert means a knowledge gap.</summary>
    public double GapThreshold { get; init; } = 0.2;

    /// <summary>Experts who got this many recent requests are skipped (fairness); null switches the cap off.</summary>
    public int? FairnessCap { get; init; } = 5;

    /// <summary>
    /// Reference mode: score every eligible expert from their history on each request instead of only those with
    /// evidence. Same results, linear cost: the naive baseline of the benchmark and the equivalence tests use it.
    /// </summary>
    public bool ScoreEveryone { get; init; }

    /// <summary>Within this relative score distance, an expert from an organisation not yet listed goes first.</summary>
    public double DiversityMargin { get; init; } = 0.1;
}
