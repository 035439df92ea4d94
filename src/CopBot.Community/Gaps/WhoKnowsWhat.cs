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
}
