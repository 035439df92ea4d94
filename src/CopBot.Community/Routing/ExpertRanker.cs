namespace CopBot.Community;

/// <summary>
/// Ranks a community's experts for a question. Score = prior (recency-decayed answer activity) + topic evidence
/// (answers and declared skills on explicit or inferred topics) + document model (BM25 of the expert's most similar
/// past questions, after Balog et al.) + learned feedback, each normalised to 0..1 over the candidates and weighted
/// by <see cref="RoutingOptions"/>. Constraints (asker, availability, capacity, fairness, diversity) apply after scoring.
/// Routing does not score everyone: the most similar past questions come from a max-score pruned BM25 search
/// (<see cref="DocumentSearch"/>), only experts with evidence for the question are scored (<see cref="MatchedRanking"/>),
/// and everyone else, scoring by activity alone, is read from the snapshot's activity order as far as the short list
/// can need. <see cref="RoutingOptions.ScoreEveryone"/> keeps the exhaustive reference; both give the same results.
/// </summary>
public sealed class ExpertRanker(RoutingOptions options)
{
    public RoutingOptions Options { get; } = options ?? throw new ArgumentNullException(nameof(options));

    /// <summary>Computes what the index keeps per options (activity, topic evidence, BM25 bounds) ahead of the first request.</summary>
    public void Prepare(ExpertIndex index, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(index);
        index.Priors(Options, now);
        index.Bm25WeightsFor(Options);
        _ = index.Eligibility;
    }

    public RoutingResult Rank(ExpertIndex index, RoutingQuery query, RoutingContext context)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(context);

        var terms = TextTokenizer.Tokenize(query.Text);
        var explicitTags = query.Tags.Select(Skill.NormalizeTag).Concat(TextTokenizer.HashTags(query.Text))
            .Where(t => t.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        var top = query.Top > 0 ? query.Top : Options.TopN;
        IReadOnlyList<InferredTopic> topics;
        IReadOnlyList<CandidateScore> chosen;
        bool isGap;
        if (Options.ScoreEveryone)
        {
            using var documents = DocumentScorer.Score(index, terms, Options);
            var similar = documents.Top(Options.SimilarQuestions);
            topics = TopicInference.Infer(index, explicitTags, terms, similar, Options);
            (var ordered, isGap) = ScoreEveryone(index, new EvidenceCollector(index, query, context, Options), topics, documents, similar, context.Feedback);
            chosen = RoutingConstraints.Diversify(index, ordered, top, Options.DiversityMargin);
        }
        else
        {
            using var eligibility = Eligibility.Rent(index, query, context, Options);
            var documents = DocumentSearch.Find(index, terms, Options, eligibility);
            topics = TopicInference.Infer(index, explicitTags, terms, documents.Similar, Options);
            var ranking = new MatchedRanking(index, index.Priors(Options, context.Now), eligibility, Options);
            (var ordered, isGap) = ranking.Rank(topics, documents, context.Feedback, top);
            chosen = RoutingConstraints.Diversify(index, ordered, top, Options.DiversityMargin);
            ranking.NameMatchedTopics(topics, chosen);
        }

        var experts = chosen
            .Select(c => new RankedExpert(
                index.Experts[c.Expert].Profile.Id,
                index.Experts[c.Expert].Profile.Name,
                Math.Round(c.Score, 6),
                WhyTexts.For(index, index.Experts[c.Expert], c)))
            .ToList();
        return new RoutingResult(experts, [.. topics.Select(t => t.Tag)], isGap);
    }

    /// <summary>The exhaustive reference: every eligible expert scored and sorted.</summary>
    private (List<CandidateScore> Ordered, bool IsGap) ScoreEveryone(
        ExpertIndex index, EvidenceCollector evidence, IReadOnlyList<InferredTopic> topics, DocumentScorer documents,
        IReadOnlyList<ScoredDocument> similar, IReadOnlyList<RoutingFeedback> feedback)
    {
        var candidates = evidence.CollectEveryone(topics, documents, similar);
        ApplyFeedback(index, candidates, topics, feedback);
        Combine(candidates, candidates.Select(c => c.Activity).DefaultIfEmpty().Max());
        var ordered = candidates.OrderByDescending(c => c.Score)
            .ThenBy(c => index.Experts[c.Expert].Profile.Id, StringComparer.Ordinal).ToList();
        return (ordered, candidates.Count == 0 || candidates.Max(c => c.Relevance) < Options.GapThreshold);
    }

    private void Combine(List<CandidateScore> candidates, double maxActivityCount)
    {
        var maxActivity = Math.Log(1 + maxActivityCount);
        var maxTopic = candidates.Select(c => c.Topic).DefaultIfEmpty().Max();
        var maxText = candidates.Select(c => c.Text).DefaultIfEmpty().Max();
        // When someone has evidence for the question, activity alone should not outrank it: the prior of experts
        // without any topical or textual match is damped (activity stays the whole story when nobody matches).
        var anyMatch = candidates.Any(c => c.Topic > 0 || c.Text > 0);
        foreach (var c in candidates)
        {
            var damping = anyMatch && c.Topic <= 0 && c.Text <= 0 ? Options.UnmatchedPriorFactor : 1;
            c.Score = (Options.PriorWeight * damping * Ratio(Math.Log(1 + c.Activity), maxActivity))
                + (Options.TopicWeight * Ratio(c.Topic, maxTopic))
                + (Options.TextWeight * Ratio(c.Text, maxText))
                + (Options.FeedbackWeight * c.Feedback);
        }
    }

    // Feedback on a topic moves the expert by up to ±1 (tanh saturates): repeated praise cannot swamp relevance.
    private static void ApplyFeedback(
        ExpertIndex index, List<CandidateScore> candidates, IReadOnlyList<InferredTopic> topics, IReadOnlyList<RoutingFeedback> feedback)
    {
        if (feedback.Count == 0 || topics.Count == 0)
        {
            return;
        }

        var sums = new Dictionary<(string Expert, string Tag), double>();
        foreach (var item in feedback)
        {
            var key = (item.ExpertId, Skill.NormalizeTag(item.Tag));
            sums[key] = sums.GetValueOrDefault(key) + item.Delta;
        }

        var totalWeight = topics.Sum(t => t.Weight);
        foreach (var c in candidates)
        {
            var id = index.Experts[c.Expert].Profile.Id;
            c.Feedback = topics.Sum(t => t.Weight * Math.Tanh(sums.GetValueOrDefault((id, t.Tag)))) / totalWeight;
        }
    }

    private static double Ratio(double value, double max) => max > 0 ? value / max : 0;
}
