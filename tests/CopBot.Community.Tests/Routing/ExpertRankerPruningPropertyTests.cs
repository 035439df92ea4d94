using CopBot.Community;
using CsCheck;

namespace CopBot.Community.Tests.Routing;

/// <summary>
/// Routing prunes (max-score over the BM25 postings, only matched experts scored, the rest read from the activity
/// order); <see cref="RoutingOptions.ScoreEveryone"/> scores every question and every eligible expert. Over many
/// random requests on a 10k-profile community both must list the same experts in the same order with the same scores,
/// reasons, topics and gap flag.
/// </summary>
public sealed class ExpertRankerPruningPropertyTests
{
    private const int Profiles = 10_000;
    private static readonly Lazy<(List<ExpertProfile> Profiles, ExpertIndex Index)> Community = new(() =>
    {
        var profiles = SyntheticCommunity.Profiles(Profiles, seed: 5);
        return (profiles, ExpertIndex.Build(Communities.Name, profiles));
    });

    private static readonly RoutingOptions[] OptionSets =
    [
        new(),
        new() { SimilarQuestions = 1, TopN = 5 },
        new() { SimilarQuestions = 30, DiversityMargin = 0 },
        new() { Bm25K1 = 2.0, Bm25B = 0.3, UnmatchedPriorFactor = 1 },
    ];

    private static readonly string[] Vocabulary =
        [.. SyntheticCommunity.TopicWords, .. SyntheticCommunity.CommonWords, .. SyntheticCommunity.RareWords];

    private static readonly Gen<RoutingQuery> Queries = Gen.Select(
        Gen.Int[0, Vocabulary.Length - 1].Array[0, 40],
        Gen.Int[0, SyntheticCommunity.Tags.Length - 1].Array[0, 2],
        Gen.Int[-1, Profiles - 1],
        Gen.Int[0, 6],
        (words, tags, asker, top) => new RoutingQuery(
            string.Join(' ', words.Select(w => Vocabulary[w])),
            [.. tags.Select(t => SyntheticCommunity.Tags[t])],
            asker < 0 ? null : SyntheticCommunity.IdOf(asker),
            top));

    private static readonly Gen<RoutingContext> Contexts = Gen.Select(
        Gen.Int[0, Profiles - 1].Array[0, 6],
        Gen.Int[0, Profiles - 1].Array[0, 6],
        Gen.Select(Gen.Int[0, Profiles - 1], Gen.Int[0, SyntheticCommunity.Tags.Length - 1], Gen.Int[-2, 2]).Array[0, 8],
        (busy, capped, feedback) => new RoutingContext(Communities.Now)
        {
            BusyUntil = busy.Distinct().ToDictionary(SyntheticCommunity.IdOf, _ => Communities.Now.AddDays(1)),
            OpenRequests = capped.Distinct().ToDictionary(SyntheticCommunity.IdOf, _ => 3),
            RecentRequests = capped.Distinct().ToDictionary(SyntheticCommunity.IdOf, e => e % 7),
            Feedback = [.. feedback.Select(f => new RoutingFeedback(SyntheticCommunity.IdOf(f.Item1), SyntheticCommunity.Tags[f.Item2], f.Item3))],
        });

    [Fact]
    public void Rank_Pruned_EqualsScoringEveryone_OnRandomRequests()
    {
        var index = Community.Value.Index;
        Gen.Select(Queries, Contexts, Gen.Int[0, OptionSets.Length - 1]).Sample((query, context, set) =>
        {
            var options = OptionSets[set];
            var expected = new ExpertRanker(options with { ScoreEveryone = true }).Rank(index, query, context);
            var actual = new ExpertRanker(options).Rank(index, query, context);

            Assert.Equal(expected.IsGap, actual.IsGap);
            Assert.Equal(expected.InferredTopics, actual.InferredTopics);
            Assert.Equal(expected.Experts.Select(e => e.Id), actual.Experts.Select(e => e.Id));
            Assert.All(expected.Experts.Zip(actual.Experts), pair =>
            {
                Assert.Equal(pair.First.Score, pair.Second.Score, 1e-9);
                Assert.Equal(pair.First.Why, pair.Second.Why);
            });
        }, iter: 300, threads: 1);
    }

    [Fact]
    public void SyntheticCommunity_HasWordsInNearlyEveryQuestion()
    {
        // The property only exercises pruning if some postings are long and low-idf while others are short.
        var profiles = Community.Value.Profiles;
        var questions = profiles.SelectMany(p => p.History).ToList();
        var withIdea = questions.Count(q => TextTokenizer.Tokenize(q.Title + " " + q.Text).Contains("idea"));

        Assert.True(questions.Count > 15_000, $"{questions.Count} questions");
        Assert.True(withIdea > questions.Count * 0.6, $"'idea' in {withIdea} of {questions.Count}");
    }
}
