using CopBot.Community;

namespace CopBot.Community.Tests.Routing;

/// <summary>
/// A seeded community shaped like a busy Q&amp;A site, for the pruning property tests: Zipf-popular topics, each with its
/// own words, everyday words found in nearly every question (the long, low-idf postings pruning skips), heavy-tailed
/// activity, dated and undated answers, declared skills, organisations and experts who never take requests.
/// </summary>
internal static class SyntheticCommunity
{
    /// <summary>Words that occur everywhere, in topic vocabularies, or nowhere in the history (query noise).</summary>
    public static readonly string[] CommonWords = ["idea", "missing", "problem", "setup", "works", "help", "team", "error"];

    public static readonly string[] TopicWords =
    [
        "hops", "yeast", "lager", "mash", "boil", "ferment", "bottle", "keg", "malt", "water", "gravity", "stout", "porter",
        "wheat", "sour", "barrel", "oak", "carbonation", "priming", "sugar", "crystal", "pilsner", "saison", "chiller",
        "sparge", "lauter", "decoction", "diacetyl", "ester", "phenol", "lactose", "brett", "kettle", "trub", "whirlpool",
    ];

    public static readonly string[] RareWords = ["zymurgy", "quantum", "ledger", "glacier", "violin", "tundra"];

    // After TopicWords: static fields initialise in order.
    public static readonly string[] Tags = [.. Enumerable.Range(0, 60).Select(i => $"{Pick(TopicWords, i)}-{i}")];

    public static List<ExpertProfile> Profiles(int count, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(i => Profile(random, i))];
    }

    public static string IdOf(int i) => $"x{i:00000}";

    /// <summary>Index of a Zipf-distributed value in [0, count): few frequent, most rare.</summary>
    public static int Zipf(Random random, int count) => Math.Min(count - 1, (int)(count * Math.Pow(random.NextDouble(), 3)));

    /// <summary>The words of topic <paramref name="tag"/>: its own plus three shared with neighbouring topics.</summary>
    public static string[] WordsOf(int tag) => [Pick(TopicWords, tag), .. Enumerable.Range(1, 3).Select(k => Pick(TopicWords, (tag * 7) + k))];

    private static ExpertProfile Profile(Random random, int i)
    {
        var home = Zipf(random, Tags.Length);
        var answers = random.Next(10) == 0 ? random.Next(10, 80) : random.Next(4);
        var history = Enumerable.Range(0, answers).Select(_ => Answer(random, random.Next(3) == 0 ? Zipf(random, Tags.Length) : home)).ToList();
        var skills = Enumerable.Range(0, random.Next(3)).Select(_ => Tags[random.Next(Tags.Length)]).Distinct()
            .Select(t => new Skill(t, random.Next(1, 6))).ToList();
        return new ExpertProfile(Communities.Name, IdOf(i), "Expert " + i, skills, [CommunityRole.Expert], random.Next(20) == 0 ? 0 : 3)
        {
            History = history,
            Organization = random.Next(4) == 0 ? null : "org " + random.Next(6),
            AadObjectId = random.Next(2) == 0 ? null : $"00000000-0000-0000-0000-{i:000000000000}",
        };
    }

    private static AnsweredQuestion Answer(Random random, int tag)
    {
        var words = WordsOf(tag);
        string Text(int length) => string.Join(' ', Enumerable.Range(0, length).Select(_ => random.Next(3) switch
        {
            0 => CommonWords[random.Next(CommonWords.Length)],
            _ => random.Next(5) == 0 ? TopicWords[random.Next(TopicWords.Length)] : words[random.Next(words.Length)],
        }));
        return new AnsweredQuestion(
            Text(random.Next(3, 9)),
            random.Next(4) == 0 ? null : Text(random.Next(5, 40)) + " any idea what is missing",
            [Tags[tag], .. random.Next(3) == 0 ? [Tags[Zipf(random, Tags.Length)]] : Array.Empty<string>()],
            random.Next(20) == 0 ? null : Communities.Now.AddMinutes(-random.Next(1, 2_000_000)));
    }

    private static string Pick(string[] values, int i) => values[i % values.Length];
}
