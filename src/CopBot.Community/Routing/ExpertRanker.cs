namespace CopBot.Community;

/// <summary>
/// Ranks a community's experts for a question. Score = prior (recency-decayed answer activity) + topic evidence
/// (answers and declared skills on explicit or inferred topics) + document model (BM25 of the expert's most similar
/// past questions, after Balog et al.) + learned feedback, each normalised to 0..1 over the candidates and weighted
/// by <see cref="RoutingOptions"/>. Constraints (asker, availability, capacity, fairness, diversity) apply after scoring.
/// Only experts with evidence for the question are scored one by one; everyone else scores by activity alone, so the
/// most active of them are read from the snapshot's activity order, as many as the short list can need.
/// </summary>
public sealed class ExpertRanker(RoutingOptions options)
{
    public RoutingOptions Options { get; } = options ?? throw new ArgumentNullException(nameof(options));

    /// <summary>Computes what the index keeps per options (activity, topic evidence) ahead of the first request.</summary>
    public void Prepare(ExpertIndex index, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(index);
        index.Priors(Options, now);
    }

    public RoutingResult Rank(ExpertIndex index, RoutingQuery query, RoutingContext context)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(context);

        var terms = TextTokenizer.Tokenize(query.Text);
        var explicitTags = query.Tags.Select(Skill.NormalizeTag).Concat(TextTokenizer.HashTags(query.Text))
            .Where(t => t.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        using var documents = DocumentScorer.Score(index, terms, Options);
        var similar = documents.Top(Options.SimilarQuestions);
        var topics = TopicInference.Infer(index, explicitTags, terms, documents.Scores, similar, Options);
        var top = query.Top > 0 ? query.Top : Options.TopN;
        var evidence = new EvidenceCollector(index, query, context, Options);
        var (ordered, isGap) = Options.ScoreEveryone
            ? ScoreEveryone(index, evidence, topics, documents, similar, context.Feedback)
            : ScoreMatched(index, evidence, topics, documents, similar, context, top);

        var chosen = RoutingConstraints.Diversify(index, ordered, top, Options.DiversityMargin);
        if (!Options.ScoreEveryone)
        {
            evidence.NameMatchedTopics(index.Priors(Options, context.Now), topics, chosen);
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
        IReadOnlyList<int> similar, IReadOnlyList<RoutingFeedback> feedback)
    {
        var candidates = evidence.CollectEveryone(topics, documents, similar);
        ApplyFeedback(index, candidates, topics, feedback);
        Combine(candidates, candidates.Select(c => c.Activity).DefaultIfEmpty().Max());
        var ordered = candidates.OrderByDescending(c => c.Score)
            .ThenBy(c => index.Experts[c.Expert].Profile.Id, StringComparer.Ordinal).ToList();
        return (ordered, candidates.Count == 0 || candidates.Max(c => c.Relevance) < Options.GapThreshold);
    }

    /// <summary>
    /// Scores the experts with evidence, then adds the unmatched ones in activity order for as long as their score
    /// (activity alone, the same for equal activity) can still reach the short list or its diversity margin.
    /// </summary>
    private (List<CandidateScore> Ordered, bool IsGap) ScoreMatched(
        ExpertIndex index, EvidenceCollector evidence, IReadOnlyList<InferredTopic> topics, DocumentScorer documents,
        IReadOnlyList<int> similar, RoutingContext context, int top)
    {
        var priors = index.Priors(Options, context.Now);
        var unmatched = priors.ByActivity.Where(evidence.IsEligible);
        var mostActive = unmatched.Take(1).ToList();
        if (mostActive.Count == 0)
        {
            return ([], true);
        }

        using var slots = CandidateSlots.Rent(index.Count);
        var scored = evidence.CollectMatched(priors, topics, documents, similar, slots);
        ApplyFeedback(index, scored, topics, context.Feedback);
        Combine(scored, priors.Activity[mostActive[0]]);
        var maxRelevance = Math.Max(scored.Select(c => c.Coverage).DefaultIfEmpty().Max(), evidence.BestSimilarity(documents));

        // Unmatched experts in activity order have non-increasing scores: take the first `top`, then every further one
        // that scores at least the diversity floor of the top-th score overall (Diversify never looks below it).
        var anyMatch = scored.Any(c => c.Topic > 0 || c.Text > 0);
        var maxActivity = Math.Log(1 + priors.Activity[mostActive[0]]);
        using var rest = unmatched.Where(e => slots.State(e) != CandidateSlots.Matched).GetEnumerator();
        CandidateScore? Next() => rest.MoveNext() ? UnmatchedScore(rest.Current, priors, anyMatch, maxActivity) : null;
        var extra = new List<CandidateScore>();
        while (extra.Count < top && Next() is { } c)
        {
            extra.Add(c);
        }

        var comparer = Comparer<CandidateScore>.Create((a, b) => a.Score != b.Score
            ? b.Score.CompareTo(a.Score)
            : string.CompareOrdinal(index.Experts[a.Expert].Profile.Id, index.Experts[b.Expert].Profile.Id));
        var all = scored.Concat(extra).ToList();
        var floor = double.NegativeInfinity;
        if (all.Count >= top)
        {
            var topth = TopScores(all, top, comparer)[top - 1].Score;
            floor = topth - (Math.Abs(topth) * Math.Max(0, Options.DiversityMargin));
        }

        if (extra.Count == top)
        {
            while (Next() is { } c && c.Score >= floor)
            {
                all.Add(c);
            }
        }

        var ordered = all.Where(c => c.Score >= floor).Order(comparer).ToList();
        return (ordered, maxRelevance < Options.GapThreshold);
    }

    // The best `count` candidates in order, by a bounded insertion (the matched list can hold thousands).
    private static List<CandidateScore> TopScores(List<CandidateScore> candidates, int count, Comparer<CandidateScore> comparer)
    {
        var best = new List<CandidateScore>(count + 1);
        foreach (var c in candidates)
        {
            if (best.Count == count && comparer.Compare(c, best[^1]) >= 0)
            {
                continue;
            }

            var at = best.Count;
            while (at > 0 && comparer.Compare(c, best[at - 1]) < 0)
            {
                at--;
            }

            best.Insert(at, c);
            if (best.Count > count)
            {
                best.RemoveAt(count);
            }
        }

        return best;
    }

    private CandidateScore UnmatchedScore(int expert, RoutingPriors priors, bool anyMatch, double maxActivity)
    {
        var c = new CandidateScore(expert) { Activity = priors.Activity[expert] };
        var damping = anyMatch ? Options.UnmatchedPriorFactor : 1;
        // Combine's formula with no topic, text or feedback evidence (those terms add exactly zero).
        c.Score = Options.PriorWeight * damping * Ratio(Math.Log(1 + c.Activity), maxActivity);
        return c;
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
