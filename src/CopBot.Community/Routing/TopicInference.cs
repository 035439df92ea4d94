namespace CopBot.Community;

/// <summary>
/// Finds the query's topics in the community's tag vocabulary: explicit tags first, then tags named in the text, then
/// tags of the most similar past questions (co-occurrence), each vote weighted by similarity.
/// </summary>
internal static class TopicInference
{
    public static IReadOnlyList<InferredTopic> Infer(
        ExpertIndex index,
        IReadOnlyList<string> explicitTags,
        IReadOnlyList<string> queryTerms,
        IReadOnlyList<ScoredDocument> similar,
        RoutingOptions options)
    {
        var topics = explicitTags.Select(t => new InferredTopic(t, 1.0, Explicit: true)).ToList();
        var votes = new Dictionary<string, double>(StringComparer.Ordinal);
        var termSet = queryTerms.ToHashSet(StringComparer.Ordinal);
        foreach (var (_, tag, terms) in index.TagTerms)
        {
            // A tag spelled out in the text ("hops", "belgian beers") is strong evidence.
            if (terms.Count > 0 && terms.All(termSet.Contains))
            {
                votes[tag] = 1.0;
            }
        }

        // Several experts answered the same question: count each question once.
        var seen = new HashSet<(string, DateTimeOffset?)>();
        var best = similar.Count == 0 ? 0 : similar[0].Score;
        foreach (var (position, score) in similar)
        {
            var question = index.Documents[position].Question;
            if (!seen.Add((question.Title, question.At)))
            {
                continue;
            }

            foreach (var tag in question.Tags)
            {
                votes[tag] = votes.GetValueOrDefault(tag) + (score / best / 3);
            }
        }

        var top = votes.Count == 0 ? 0 : votes.Values.Max();
        var inferredWeight = topics.Count > 0 ? options.InferredTopicWeight : 1.0;
        var inferred = votes
            .Where(v => !explicitTags.Contains(v.Key) && v.Value >= options.MinTopicShare * top)
            .OrderByDescending(v => v.Value).ThenBy(v => v.Key, StringComparer.Ordinal)
            .Take(options.MaxInferredTopics)
            .Select(v => new InferredTopic(v.Key, inferredWeight * Math.Min(1, v.Value / top), Explicit: false));
        topics.AddRange(inferred);
        return topics;
    }
}
