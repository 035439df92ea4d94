namespace CopBot.Community;

/// <summary>
/// Gathers candidates and their evidence for one query. <see cref="CollectMatched"/> (what routing does) scores only
/// the experts that share a topic or a similar past question with the query, with activity and topic evidence read
/// from the snapshot's <see cref="RoutingPriors"/>. <see cref="CollectEveryone"/> is the exhaustive reference: every
/// eligible expert, evidence recomputed from the history; routing results are the same (see ExpertRankerEquivalenceTests).
/// </summary>
internal sealed class EvidenceCollector(ExpertIndex index, RoutingQuery query, RoutingContext context, RoutingOptions options)
{
    public bool IsEligible(int expert) => RoutingConstraints.IsEligible(index.Experts[expert], query.AskerId, context, options);

    /// <summary>Candidates with topic, text or feedback evidence; <paramref name="slots"/> maps expert → candidate.</summary>
    public List<CandidateScore> CollectMatched(
        RoutingPriors priors, IReadOnlyList<InferredTopic> topics, DocumentScorer documents, IReadOnlyList<int> similar, CandidateSlots slots)
    {
        var matched = new List<CandidateScore>();
        CandidateScore? Candidate(int expert)
        {
            switch (slots.State(expert))
            {
                case CandidateSlots.Ineligible:
                    return null;
                case CandidateSlots.Matched:
                    return slots[expert];
            }

            if (!IsEligible(expert))
            {
                slots.MarkIneligible(expert);
                return null;
            }

            var c = new CandidateScore(expert) { Activity = priors.Activity[expert] };
            slots.Add(expert, c);
            matched.Add(c);
            return c;
        }

        var totalTopicWeight = topics.Sum(t => t.Weight);
        foreach (var topic in topics)
        {
            var tag = index.Tags.Find(topic.Tag);
            var experts = index.ExpertsOn(tag);
            for (var i = 0; i < experts.Length; i++)
            {
                var evidence = priors.TopicEvidence[tag][i];
                if (evidence > 0 && Candidate(experts[i]) is { } c)
                {
                    // Matched topics are named for the short list only (NameMatchedTopics): thousands may match.
                    c.Topic += topic.Weight * priors.LogTopicEvidence[tag][i];
                    c.Coverage += topic.Weight * Math.Min(1, evidence) / totalTopicWeight;
                }
            }
        }

        foreach (var position in similar)
        {
            if (Candidate(index.DocumentExpert[position]) is { } c)
            {
                c.AddSimilar(index.Documents[position].Question, documents.Scores[position]);
            }
        }

        foreach (var id in FeedbackExperts(topics))
        {
            if (index.ExpertById.TryGetValue(id, out var expert))
            {
                Candidate(expert);
            }
        }

        return matched;
    }

    /// <summary>Lists the matched topics (for the "why" texts) of the chosen experts.</summary>
    public void NameMatchedTopics(RoutingPriors priors, IReadOnlyList<InferredTopic> topics, IReadOnlyList<CandidateScore> chosen)
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

    /// <summary>The best similarity (0..1) of any eligible expert's past question: the text half of the gap test.</summary>
    public double BestSimilarity(DocumentScorer documents)
    {
        var best = 0.0;
        foreach (var position in documents.Touched)
        {
            if (documents.Scores[position] > best && IsEligible(index.DocumentExpert[position]))
            {
                best = documents.Scores[position];
            }
        }

        return Similarity(best, documents.Ceiling);
    }

    /// <summary>Every eligible expert, evidence computed from the history as if nothing were precomputed.</summary>
    public List<CandidateScore> CollectEveryone(IReadOnlyList<InferredTopic> topics, DocumentScorer documents, IReadOnlyList<int> similar)
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
                c.BestSimilarity = Math.Max(c.BestSimilarity, Similarity(documents.Scores[position], documents.Ceiling));
            }
        }

        foreach (var position in similar)
        {
            if (byExpert.TryGetValue(index.DocumentExpert[position], out var c))
            {
                c.AddSimilar(index.Documents[position].Question, documents.Scores[position]);
            }
        }

        return candidates;
    }

    private IEnumerable<string> FeedbackExperts(IReadOnlyList<InferredTopic> topics) =>
        context.Feedback.Count == 0 || topics.Count == 0
            ? []
            : context.Feedback.Where(f => topics.Any(t => t.Tag == Skill.NormalizeTag(f.Tag))).Select(f => f.ExpertId).Distinct(StringComparer.Ordinal);

    private static double Similarity(double score, double ceiling) => ceiling > 0 && score > 0 ? Math.Min(1, score / ceiling) : 0;
}
