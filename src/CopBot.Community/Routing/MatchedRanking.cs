namespace CopBot.Community;

/// <summary>
/// Routing's fast path (<see cref="ExpertRanker"/>). Only experts on the query's topic postings, behind its similar
/// questions or with feedback on its topics get evidence, summed in arrays in the same order as the exhaustive
/// reference, so their scores are equal to the bit. Everyone else has no topic, text or feedback evidence and scores by
/// activity alone, a non-increasing function of the snapshot's activity order: they are read from it only as far as the
/// short list and its diversity floor can need. Candidate objects are made only for the experts at or above that floor.
/// </summary>
internal sealed class MatchedRanking(ExpertIndex index, RoutingPriors priors, Eligibility eligibility, RoutingOptions options)
{
    public (List<CandidateScore> Ordered, bool IsGap) Rank(
        IReadOnlyList<InferredTopic> topics, DocumentMatches documents, IReadOnlyList<RoutingFeedback> feedback, int top)
    {
        var cursor = 0;
        var mostActive = NextInActivityOrder(ref cursor, null);
        if (mostActive < 0)
        {
            return ([], true);
        }

        using var evidence = MatchedEvidence.Rent(index.Count);
        CollectTopics(evidence, topics);
        CollectSimilar(evidence, documents.Similar);
        CollectFeedback(evidence, topics, feedback);
        var maxActivity = Math.Log(1 + priors.Activity[mostActive]);
        var (anyMatch, maxCoverage) = Combine(evidence, maxActivity);
        var isGap = Math.Max(maxCoverage, documents.BestEligibleSimilarity) < options.GapThreshold;

        cursor = 0;
        var unmatched = new List<Ranked>();
        while (unmatched.Count < top && NextInActivityOrder(ref cursor, evidence) is var expert and >= 0)
        {
            unmatched.Add(new Ranked(expert, UnmatchedScore(expert, anyMatch, maxActivity)));
        }

        // The top-th score over matched and unmatched experts sets the floor Diversify never looks below (a query may
        // ask for everyone: top can exceed the candidates, then there is no floor).
        var floor = double.NegativeInfinity;
        if (top > 0 && evidence.Matched.Count + unmatched.Count >= top)
        {
            var best = new List<Ranked>(top + 1);
            foreach (var expert in evidence.Matched)
            {
                Keep(best, new Ranked(expert, evidence.Score[expert]), top);
            }

            foreach (var candidate in unmatched)
            {
                Keep(best, candidate, top);
            }

            var topth = best[top - 1].Score;
            floor = topth - (Math.Abs(topth) * Math.Max(0, options.DiversityMargin));
        }

        if (unmatched.Count == top)
        {
            while (NextInActivityOrder(ref cursor, evidence) is var expert and >= 0
                && UnmatchedScore(expert, anyMatch, maxActivity) is var score && score >= floor)
            {
                unmatched.Add(new Ranked(expert, score));
            }
        }

        return (Candidates(evidence, unmatched, documents.Similar, floor), isGap);
    }

    /// <summary>Lists the matched topics (for the "why" texts) of the chosen experts only: thousands may match.</summary>
    public void NameMatchedTopics(IReadOnlyList<InferredTopic> topics, IReadOnlyList<CandidateScore> chosen)
    {
        foreach (var c in chosen)
        {
            foreach (var topic in topics)
            {
                var tag = index.Tags.Find(topic.Tag);
                var at = Array.BinarySearch(index.ExpertsOn(tag), c.Expert);
                if (at >= 0 && priors.TopicEvidence[tag][at] > 0)
                {
                    c.NameTopic(topic.Tag, priors.TopicEvidence[tag][at]);
                }
            }
        }
    }

    private void CollectTopics(MatchedEvidence evidence, IReadOnlyList<InferredTopic> topics)
    {
        var totalTopicWeight = topics.Sum(t => t.Weight);
        foreach (var topic in topics)
        {
            var tag = index.Tags.Find(topic.Tag);
            var experts = index.ExpertsOn(tag);
            for (var i = 0; i < experts.Length; i++)
            {
                var expert = experts[i];
                var topicEvidence = priors.TopicEvidence[tag][i];
                if (topicEvidence > 0 && eligibility.IsEligible(expert))
                {
                    evidence.Match(expert);
                    evidence.Topic[expert] += topic.Weight * priors.LogTopicEvidence[tag][i];
                    evidence.Coverage[expert] += topic.Weight * Math.Min(1, topicEvidence) / totalTopicWeight;
                }
            }
        }
    }

    private void CollectSimilar(MatchedEvidence evidence, IReadOnlyList<ScoredDocument> similar)
    {
        foreach (var document in similar)
        {
            var expert = index.DocumentExpert[document.Position];
            if (eligibility.IsEligible(expert))
            {
                evidence.Match(expert);
                evidence.Text[expert] += document.Score;
            }
        }
    }

    // Feedback on a topic moves the expert by up to ±1 (tanh saturates): repeated praise cannot swamp relevance.
    private void CollectFeedback(MatchedEvidence evidence, IReadOnlyList<InferredTopic> topics, IReadOnlyList<RoutingFeedback> feedback)
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
        foreach (var id in sums.Keys.Where(k => topics.Any(t => t.Tag == k.Tag)).Select(k => k.Expert).Distinct(StringComparer.Ordinal))
        {
            if (index.ExpertById.TryGetValue(id, out var expert) && eligibility.IsEligible(expert))
            {
                evidence.Match(expert);
                evidence.Feedback[expert] = topics.Sum(t => t.Weight * Math.Tanh(sums.GetValueOrDefault((id, t.Tag)))) / totalWeight;
            }
        }
    }

    // The reference's Combine, over the matched experts' arrays.
    private (bool AnyMatch, double MaxCoverage) Combine(MatchedEvidence evidence, double maxActivity)
    {
        double maxTopic = 0, maxText = 0, maxCoverage = 0;
        var anyMatch = false;
        foreach (var expert in evidence.Matched)
        {
            maxTopic = Math.Max(maxTopic, evidence.Topic[expert]);
            maxText = Math.Max(maxText, evidence.Text[expert]);
            maxCoverage = Math.Max(maxCoverage, evidence.Coverage[expert]);
            anyMatch |= evidence.Topic[expert] > 0 || evidence.Text[expert] > 0;
        }

        // When someone has evidence for the question, activity alone should not outrank it: the prior of experts
        // without any topical or textual match is damped (activity stays the whole story when nobody matches).
        foreach (var expert in evidence.Matched)
        {
            var topic = evidence.Topic[expert];
            var text = evidence.Text[expert];
            var damping = anyMatch && topic <= 0 && text <= 0 ? options.UnmatchedPriorFactor : 1;
            evidence.Score[expert] = (options.PriorWeight * damping * Ratio(priors.LogActivity[expert], maxActivity))
                + (options.TopicWeight * Ratio(topic, maxTopic))
                + (options.TextWeight * Ratio(text, maxText))
                + (options.FeedbackWeight * evidence.Feedback[expert]);
        }

        return (anyMatch, maxCoverage);
    }

    // Combine's formula with no topic, text or feedback evidence (those terms add exactly zero).
    private double UnmatchedScore(int expert, bool anyMatch, double maxActivity) =>
        options.PriorWeight * (anyMatch ? options.UnmatchedPriorFactor : 1) * Ratio(priors.LogActivity[expert], maxActivity);

    /// <summary>The next eligible expert in activity order (not matched, when <paramref name="evidence"/> is given), or -1.</summary>
    private int NextInActivityOrder(ref int cursor, MatchedEvidence? evidence)
    {
        var order = priors.ByActivity;
        while (cursor < order.Length)
        {
            var expert = order[cursor++];
            if (eligibility.IsEligible(expert) && (evidence is null || !evidence.IsMatched(expert)))
            {
                return expert;
            }
        }

        return -1;
    }

    private List<CandidateScore> Candidates(MatchedEvidence evidence, List<Ranked> unmatched, IReadOnlyList<ScoredDocument> similar, double floor)
    {
        var candidates = new List<CandidateScore>();
        var byExpert = new Dictionary<int, CandidateScore>();
        foreach (var expert in evidence.Matched)
        {
            if (evidence.Score[expert] >= floor)
            {
                var c = new CandidateScore(expert)
                {
                    Activity = priors.Activity[expert],
                    Topic = evidence.Topic[expert],
                    Coverage = evidence.Coverage[expert],
                    Feedback = evidence.Feedback[expert],
                    Score = evidence.Score[expert],
                };
                candidates.Add(c);
                byExpert[expert] = c;
            }
        }

        // Text is re-added question by question in the same order, which also lists them for the "why" texts.
        foreach (var document in similar)
        {
            if (byExpert.TryGetValue(index.DocumentExpert[document.Position], out var c))
            {
                c.AddSimilar(index.Documents[document.Position].Question, document.Score);
            }
        }

        foreach (var (expert, score) in unmatched)
        {
            if (score >= floor)
            {
                candidates.Add(new CandidateScore(expert) { Activity = priors.Activity[expert], Score = score });
            }
        }

        candidates.Sort((a, b) => Compare(a.Score, a.Expert, b.Score, b.Expert));
        return candidates;
    }

    // Bounded insertion: the best `count` by score, ties by id (thousands of experts can match).
    private void Keep(List<Ranked> best, Ranked candidate, int count)
    {
        if (count <= 0 || (best.Count == count && Compare(candidate.Score, candidate.Expert, best[^1].Score, best[^1].Expert) >= 0))
        {
            return;
        }

        var at = best.Count;
        while (at > 0 && Compare(candidate.Score, candidate.Expert, best[at - 1].Score, best[at - 1].Expert) < 0)
        {
            at--;
        }

        best.Insert(at, candidate);
        if (best.Count > count)
        {
            best.RemoveAt(count);
        }
    }

    private int Compare(double scoreA, int a, double scoreB, int b) => scoreA != scoreB
        ? scoreB.CompareTo(scoreA)
        : string.CompareOrdinal(index.Experts[a].Profile.Id, index.Experts[b].Profile.Id);

    private static double Ratio(double value, double max) => max > 0 ? value / max : 0;

    private readonly record struct Ranked(int Expert, double Score);
}
