namespace CopBot.Community;

/// <summary>A topic and the members the ranker would ask first about it.</summary>
public sealed record TopicExperts(string Topic, int ExpertCount, IReadOnlyList<string> Experts);

/// <summary>
/// The community's "who knows what" map: its most widely held topics, each with the experts the real ranker
/// puts first for a request on that topic alone (so the map shows what routing would do, not a second opinion).
/// </summary>
public static class WhoKnowsWhat
{
    public static IReadOnlyList<TopicExperts> Build(ExpertIndex index, ExpertRanker ranker, RoutingContext context, int topics, int expertsPerTopic)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(ranker);
        return [.. index.TopTopics(topics).Select(topic =>
        {
            var result = ranker.Rank(index, new RoutingQuery(topic.Topic, [topic.Topic], AskerId: null, expertsPerTopic), context);
            return new TopicExperts(topic.Topic, topic.Experts, [.. result.Experts.Select(e => e.Name)]);
        })];
    }

    /// <summary>
    /// For a request's own topics: each topic some member holds, with the members the ranker puts first for it alone
    /// (the asker excluded), when the ranker does not call that topic a gap too. Empty when nobody is close.
    /// </summary>
    public static IReadOnlyList<TopicExperts> ForTopics(
        ExpertIndex index, ExpertRanker ranker, RoutingContext context, IEnumerable<string> topics, string? askerId, int expertsPerTopic)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(ranker);
        ArgumentNullException.ThrowIfNull(topics);
        var hints = new List<TopicExperts>();
        foreach (var topic in topics.Select(Skill.NormalizeTag).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal))
        {
            var holders = index.ExpertsOn(index.Tags.Find(topic)).Select(e => index.Experts[e].Profile.Id).ToHashSet(StringComparer.Ordinal);
            if (holders.Count == 0)
            {
                continue;
            }

            // The ranker fills its short list by activity; a hint names only members who hold the topic.
            var result = ranker.Rank(index, new RoutingQuery(topic, [topic], askerId, expertsPerTopic), context);
            var experts = result.IsGap ? [] : result.Experts.Where(e => holders.Contains(e.Id)).Select(e => e.Name).ToList();
            if (experts.Count > 0)
            {
                hints.Add(new TopicExperts(topic, holders.Count, experts));
            }
        }

        return hints;
    }
}
