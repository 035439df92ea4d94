namespace CopBot.Community;

/// <summary>
/// The exhaustive reference of <see cref="RoutingOptions.ScoreEveryone"/>: every eligible expert, evidence recomputed
/// from the history on each request, nothing precomputed or pruned. Routing's fast path (<see cref="MatchedRanking"/>)
/// must give the same results (see ExpertRankerEquivalenceTests and ExpertRankerPruningPropertyTests).
/// </summary>
internal sealed class EvidenceCollector(ExpertIndex index, RoutingQuery query, RoutingContext context, RoutingOptions options)
{
    public bool IsEligible(int expert) => RoutingConstraints.IsEligible(index.Experts[expert], query.AskerId, context, options);

    /// <summary>Every eligible expert, evidence computed from the history as if nothing were precomputed.</summary>
    public List<CandidateScore> CollectEveryone(IReadOnlyList<InferredTopic> topics, DocumentScorer documents, IReadOnlyList<ScoredDocument> similar)
    {
        var decay = new Decay(index, context.Now);
        var candidates = Enumerable.Range(0, index.Count).Where(IsEligible).Select(e => new CandidateScore(e)).ToList();
        var byExpert = candidates.ToDictionary(c => c.Expert);
        var totalTopicWeight = topics.Sum(t => t.Weight);
        foreach (var c in candidates)
        {
            var expert = index.Experts[c.Expert];
            foreach (var document in expert.Documents)
            {
                c.Activity += Math.Max(options.ActivityFloor, decay.Of(document.Question.At, options.ActivityHalfLife));
            }

            foreach (var topic in topics)
            {
                var slot = expert.Slot(index.Tags.Find(topic.Tag));
                if (slot < 0)
                {
                    continue;
                }

                var answers = 0.0;
                foreach (var document in expert.Documents.Where(d => d.Tags.Contains(expert.Topics[slot])))
                {
                    answers += decay.Of(document.Question.At, options.TopicHalfLife);
                }

                var evidence = answers + (expert.Skills[slot] * options.AnswersPerSkillLevel);
                if (evidence > 0)
                {
                    c.AddTopic(topic, evidence, totalTopicWeight);
                }
            }

            for (var position = index.DocumentStart[c.Expert]; position < index.DocumentStart[c.Expert + 1]; position++)
            {
                c.BestSimilarity = Math.Max(c.BestSimilarity, DocumentMatches.Similarity(documents.Scores[position], documents.Ceiling));
            }
        }

        foreach (var (position, score) in similar)
        {
            if (byExpert.TryGetValue(index.DocumentExpert[position], out var c))
            {
                c.AddSimilar(index.Documents[position].Question, score);
            }
        }

        return candidates;
    }
}
