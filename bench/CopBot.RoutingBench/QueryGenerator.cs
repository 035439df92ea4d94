using CopBot.Community;

namespace CopBot.RoutingBench;

/// <summary>
/// Questions as members ask them: topics drawn with the same Zipf popularity as the history, half of them with explicit
/// tags and half text only (topics then inferred), asked by a random member of the community.
/// </summary>
internal static class QueryGenerator
{
    public static List<RoutingQuery> Generate(TopicModel topics, int profiles, int count, int seed)
    {
        var random = new Random(unchecked((seed * 1_000_033) + (profiles * 31) + count));
        var queries = new List<RoutingQuery>(count);
        for (var i = 0; i < count; i++)
        {
            var topic = topics.Popular(random);
            var other = random.Next(3) == 0 ? topics.Related(random, topic) : null;
            var text = $"{TopicModel.Title(random, topic, other)} {TopicModel.Body(random, topic, other, random.Next(8, 30))}";
            IReadOnlyList<string> tags = (i % 2, other) switch
            {
                (1, _) => [],
                (_, null) => [topic.Tag],
                _ => [topic.Tag, other.Tag],
            };
            queries.Add(new RoutingQuery(text, tags, ProfileGenerator.IdOf(random.Next(profiles)), Top: 3));
        }

        return queries;
    }
}
