namespace CopBot.Community;

/// <summary>Fills each candidate's activity, topic and text evidence for one query.</summary>
internal sealed class EvidenceCollector(ExpertIndex index, DateTimeOffset now, RoutingOptions options)
{
    public void Collect(
        List<CandidateScore> candidates,
        IReadOnlyList<InferredTopic> topics,
        double[] documentScores,
        double ceiling,
        IReadOnlyList<int> similar)
    {
        var byExpert = candidates.ToDictionary(c => c.Expert);
        var totalTopicWeight = topics.Sum(t => t.Weight);
        foreach (var c in candidates)
        {
            var expert = index.Experts[c.Expert];
            c.Activity = expert.Documents.Sum(d => Math.Max(options.ActivityFloor, Decay(d.Question.At, options.ActivityHalfLife)));
            foreach (var topic in topics)
            {
                var answers = expert.AnswersByTag.GetValueOrDefault(topic.Tag)?.Sum(at => Decay(at, options.TopicHalfLife)) ?? 0;
                var skill = expert.SkillLevels.GetValueOrDefault(topic.Tag) * options.AnswersPerSkillLevel;
                var tagEvidence = answers + skill;
                if (tagEvidence <= 0)
                {
                    continue;
                }

                c.Topic += topic.Weight * Math.Log(1 + tagEvidence);
                c.Coverage += topic.Weight * Math.Min(1, tagEvidence) / totalTopicWeight;
                c.MatchedTopics.Add((topic.Tag, tagEvidence));
            }
        }

        for (var position = 0; position < documentScores.Length; position++)
        {
            if (documentScores[position] > 0 && byExpert.TryGetValue(index.Documents[position].Expert, out var c))
            {
                c.BestSimilarity = Math.Max(c.BestSimilarity, ceiling > 0 ? Math.Min(1, documentScores[position] / ceiling) : 0);
            }
        }

        // Balog's document model: the people behind the most similar past questions, credited by similarity.
        foreach (var position in similar)
        {
            var (expert, document) = index.Documents[position];
            if (byExpert.TryGetValue(expert, out var c))
            {
                c.Text += documentScores[position];
                c.SimilarQuestions.Add((document.Question, documentScores[position]));
            }
        }
    }

    // Recent answers say more about who is around and current; undated ones count fully.
    private double Decay(DateTimeOffset? at, double? halfLife)
    {
        if (at is not { } when || halfLife is not { } answers || when >= now)
        {
            return 1;
        }

        return Math.Pow(0.5, index.AnswersBetween(when, now) / answers);
    }
}
