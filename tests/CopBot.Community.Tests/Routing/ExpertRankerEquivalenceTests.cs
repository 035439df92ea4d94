using CopBot.Community;

namespace CopBot.Community.Tests.Routing;

/// <summary>
/// The ranker scores only experts with evidence plus the most active ones; <see cref="RoutingOptions.ScoreEveryone"/>
/// scores every eligible expert from their history. On a random community with constraints, feedback and
/// organisations both must give the same short lists, scores, reasons, topics and gap flags.
/// </summary>
public sealed class ExpertRankerEquivalenceTests
{
    private static readonly string[] Tags = [.. Enumerable.Range(0, 40).Select(i => "topic-" + (char)('a' + (i % 26)) + i)];
    private static readonly string[] Words =
    [
        "hops", "yeast", "lager", "mash", "boil", "ferment", "bottle", "keg", "malt", "water", "temperature", "gravity",
        "stout", "porter", "ale", "wheat", "sour", "barrel", "oak", "carbonation", "priming", "sugar", "dry", "crystal",
    ];

    public static TheoryData<string> Variants() => ["defaults", "top five, no diversity", "no decay", "wide margin, no damping"];

    [Theory]
    [MemberData(nameof(Variants))]
    public void Rank_MatchedOnly_EqualsScoringEveryone(string variant)
    {
        var options = variant switch
        {
            "top five, no diversity" => new RoutingOptions { TopN = 5, DiversityMargin = 0 },
            "no decay" => new RoutingOptions { ActivityHalfLife = null, TopicHalfLife = null },
            "wide margin, no damping" => new RoutingOptions { DiversityMargin = 0.6, UnmatchedPriorFactor = 1 },
            _ => new RoutingOptions(),
        };
        var random = new Random(7);
        var profiles = Enumerable.Range(0, 400).Select(i => Profile(random, i)).ToList();
        var index = ExpertIndex.Build(Communities.Name, profiles);
        var fast = new ExpertRanker(options);
        var everyone = new ExpertRanker(options with { ScoreEveryone = true });
        var compared = 0;
        for (var q = 0; q < 150; q++)
        {
            var query = Query(random, profiles);
            var context = Context(random, profiles);
            var expected = everyone.Rank(index, query, context);
            var actual = fast.Rank(index, query, context);

            Assert.Equal(Describe(expected), Describe(actual));
            compared += expected.Experts.Count;
        }

        Assert.True(compared > 300, $"only {compared} experts compared");
    }

    [Fact]
    public void Rank_ClockBeforeLatestAnswer_EqualsScoringEveryone()
    {
        var random = new Random(11);
        var profiles = Enumerable.Range(0, 120).Select(i => Profile(random, i)).ToList();
        var index = ExpertIndex.Build(Communities.Name, profiles);
        var context = new RoutingContext(Communities.Now.AddDays(-200));
        for (var q = 0; q < 30; q++)
        {
            var query = Query(random, profiles);

            Assert.Equal(
                Describe(new ExpertRanker(new RoutingOptions { ScoreEveryone = true }).Rank(index, query, context)),
                Describe(new ExpertRanker(new RoutingOptions()).Rank(index, query, context)));
        }
    }

    [Fact]
    public void Rank_EveryoneRequested_EqualsScoringEveryone()
    {
        // The evaluation ranks the whole community (Top = int.MaxValue): no short list, no diversity floor.
        var random = new Random(13);
        var profiles = Enumerable.Range(0, 150).Select(i => Profile(random, i)).ToList();
        var index = ExpertIndex.Build(Communities.Name, profiles);
        for (var q = 0; q < 20; q++)
        {
            var query = Query(random, profiles) with { Top = int.MaxValue };
            var context = Context(random, profiles);

            var expected = new ExpertRanker(new RoutingOptions { ScoreEveryone = true }).Rank(index, query, context);
            var actual = new ExpertRanker(new RoutingOptions()).Rank(index, query, context);

            Assert.Equal(Describe(expected), Describe(actual));
            Assert.True(actual.Experts.Count > 100, $"{actual.Experts.Count} experts ranked");
        }
    }

    private static string Describe(RoutingResult result) =>
        $"gap={result.IsGap} topics={string.Join(',', result.InferredTopics)}\n"
        + string.Join('\n', result.Experts.Select(e => $"{e.Id} {e.Score:R} {string.Join(" | ", e.Why)}"));

    private static ExpertProfile Profile(Random random, int i)
    {
        // Activity is skewed: a few people answer a lot, many answer once or never.
        var answers = random.Next(10) == 0 ? random.Next(20, 60) : random.Next(4);
        var history = Enumerable.Range(0, answers).Select(_ => new AnsweredQuestion(
            Sentence(random, 6), random.Next(3) == 0 ? null : Sentence(random, 20),
            [.. Enumerable.Range(0, random.Next(1, 4)).Select(_ => Tags[Zipf(random, Tags.Length)]).Distinct()],
            random.Next(15) == 0 ? null : Communities.Now.AddDays(-random.Next(1, 900)))).ToList();
        var skills = Enumerable.Range(0, random.Next(3)).Select(_ => Tags[random.Next(Tags.Length)]).Distinct()
            .Select(t => new Skill(t, random.Next(1, 6))).ToList();
        // Some profiles carry their own busy-until date, past or future: the snapshot cannot decide those ahead.
        return Communities.Expert($"e{i:000}", skills, history, organization: random.Next(4) == 0 ? null : "org " + random.Next(5),
            maxOpen: random.Next(20) == 0 ? 0 : 3) with { BusyUntil = random.Next(10) == 0 ? Communities.Now.AddDays(random.Next(-3, 4)) : null };
    }

    private static RoutingQuery Query(Random random, List<ExpertProfile> profiles)
    {
        IReadOnlyList<string> tags = random.Next(2) == 0 ? [] : [Tags[Zipf(random, Tags.Length)]];
        var text = random.Next(10) == 0 ? "zzz unknown words only" : Sentence(random, random.Next(3, 15));
        return new RoutingQuery(text, tags, random.Next(3) == 0 ? profiles[random.Next(profiles.Count)].Id : null, random.Next(4));
    }

    private static RoutingContext Context(Random random, List<ExpertProfile> profiles)
    {
        string Someone() => profiles[Zipf(random, profiles.Count)].Id;
        return new RoutingContext(Communities.Now)
        {
            BusyUntil = Enumerable.Range(0, 5).Select(_ => Someone()).Distinct().ToDictionary(id => id, _ => Communities.Now.AddDays(1)),
            OpenRequests = Enumerable.Range(0, 5).Select(_ => Someone()).Distinct().ToDictionary(id => id, _ => 3),
            RecentRequests = Enumerable.Range(0, 8).Select(_ => Someone()).Distinct().ToDictionary(id => id, _ => random.Next(4, 7)),
            Feedback = [.. Enumerable.Range(0, 10).Select(_ => new RoutingFeedback(
                profiles[random.Next(profiles.Count)].Id, Tags[Zipf(random, Tags.Length)], random.Next(2) == 0 ? -1 : 1))],
        };
    }

    private static string Sentence(Random random, int words) =>
        string.Join(' ', Enumerable.Range(0, words).Select(_ => Words[Zipf(random, Words.Length)]));

    // Few values are frequent, most are rare (like tags and activity on real sites).
    private static int Zipf(Random random, int count) => Math.Min(count - 1, (int)(count * Math.Pow(random.NextDouble(), 3)));
}
