namespace CopBot.RoutingBench;

/// <summary>A tag and the words questions about it use.</summary>
internal sealed record Topic(string Tag, int Cluster, string[] Words);

/// <summary>
/// The synthetic community's tag vocabulary: single-word and two-word tags, ordered by popularity and drawn with a
/// Zipf law (exponent 1, as tag use on Q&amp;A sites). Topics belong to clusters of related tags so that a person's
/// skills and answers hang together (a Kubernetes person also answers Helm questions).
/// </summary>
internal sealed class TopicModel
{
    private const int TopicsPerCluster = 10;
    private readonly Zipf _popularity;

    public TopicModel(int seed, int topicCount)
    {
        var random = new Random(seed);
        var subjects = Words.Subjects.Distinct(StringComparer.Ordinal).ToArray();
        var tags = new List<string>(subjects);
        var taken = new HashSet<string>(tags, StringComparer.Ordinal);
        while (tags.Count < topicCount)
        {
            var pair = $"{subjects[random.Next(subjects.Length)]}-{subjects[random.Next(subjects.Length)]}";
            if (pair.Split('-') is [var a, var b] && a != b && taken.Add(pair))
            {
                tags.Add(pair);
            }
        }

        random.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(tags));
        Topics = [.. tags.Take(topicCount).Select((tag, rank) => new Topic(
            tag,
            random.Next(Math.Max(1, topicCount / TopicsPerCluster)),
            [.. tag.Split('-'), .. Enumerable.Range(0, 4).Select(_ => Words.Context[random.Next(Words.Context.Length)])]))];
        ByTag = Topics.ToDictionary(t => t.Tag, StringComparer.Ordinal);
        Clusters = Topics.GroupBy(t => t.Cluster).ToDictionary(g => g.Key, g => g.ToArray());
        _popularity = new Zipf(Topics.Count, 1.0);
    }

    /// <summary>Most popular first.</summary>
    public IReadOnlyList<Topic> Topics { get; }

    public IReadOnlyDictionary<string, Topic> ByTag { get; }

    public IReadOnlyDictionary<int, Topic[]> Clusters { get; }

    public Topic Popular(Random random) => Topics[_popularity.Next(random)];

    /// <summary>A topic related to <paramref name="topic"/> (same cluster), or the topic itself when it stands alone.</summary>
    public Topic Related(Random random, Topic topic)
    {
        var cluster = Clusters[topic.Cluster];
        return cluster[random.Next(cluster.Length)];
    }

    /// <summary>A question title such as "How to debug kubernetes timeout with helm in production?".</summary>
    public static string Title(Random random, Topic topic, Topic? other)
    {
        var verb = Words.Verbs[random.Next(Words.Verbs.Length)];
        var word = topic.Words[random.Next(topic.Words.Length)];
        var filler = Words.Fillers[random.Next(Words.Fillers.Length)];
        var with = other is null ? "" : $" with {other.Tag.Replace('-', ' ')}";
        return random.Next(4) switch
        {
            0 => $"How to {verb} {topic.Tag.Replace('-', ' ')} {word}{with} in {filler} setup?",
            1 => $"{Capital(topic.Tag.Replace('-', ' '))} {word} {filler} issue{with}",
            2 => $"Best way to {verb} {word} for {topic.Tag.Replace('-', ' ')}{with}?",
            _ => $"Why does {topic.Tag.Replace('-', ' ')} {word} fail when we {verb} it{with}?",
        };
    }

    /// <summary>A question body of <paramref name="length"/> words mixing the topics' words with everyday fillers.</summary>
    public static string Body(Random random, Topic topic, Topic? other, int length)
    {
        var words = new string[length];
        for (var i = 0; i < length; i++)
        {
            words[i] = random.Next(10) switch
            {
                < 4 => topic.Words[random.Next(topic.Words.Length)],
                < 5 when other is not null => other.Words[random.Next(other.Words.Length)],
                < 7 => Words.Context[random.Next(Words.Context.Length)],
                < 8 => Words.Verbs[random.Next(Words.Verbs.Length)],
                _ => Words.Fillers[random.Next(Words.Fillers.Length)],
            };
        }

        return $"We {string.Join(' ', words)}. Any idea what we are missing?";
    }

    private static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
