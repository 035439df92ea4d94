using CopBot.Community;

namespace CopBot.RoutingEval;

/// <summary>A way to order the candidates (everyone with an earlier answer, asker excluded) for a question.</summary>
public delegate IReadOnlyList<string> Ranker(CommunityState state, SeQuestion question, bool withTags);

/// <summary>The product's ranker and the baselines, all ranking the same candidate set.</summary>
public static class Rankers
{
    public static Ranker Product(RoutingOptions options)
    {
        var ranker = new ExpertRanker(options);
        return (state, question, withTags) =>
        {
            var query = new RoutingQuery(question.Title + "\n" + question.Body, withTags ? question.Tags : [], question.OwnerId, int.MaxValue);
            return [.. ranker.Rank(state.Index, query, new RoutingContext(question.At)).Experts.Select(e => e.Id)];
        };
    }

    public static IReadOnlyList<string> Random(CommunityState state, SeQuestion question, bool withTags) =>
        ByScore(state, question, _ => 0);

    public static IReadOnlyList<string> Popularity(CommunityState state, SeQuestion question, bool withTags) =>
        ByScore(state, question, u => state.AnswerCount(u));

    /// <summary>Answer counts on the question's tags; ties (often: no overlap at all) go to the more active user.</summary>
    public static IReadOnlyList<string> TagOverlap(CommunityState state, SeQuestion question, bool withTags) =>
        ByScore(state, question, u => question.Tags.Sum(t => state.TagCount(u, t)) + (state.AnswerCount(u) / 1e6));

    /// <summary>BM25 (k1 1.2, b 0.75) with one document per user: all their answered questions and answers.</summary>
    public static IReadOnlyList<string> Bm25(CommunityState state, SeQuestion question, bool withTags)
    {
        var users = state.Users.ToList();
        var average = users.Average(state.Length);
        var terms = TextTokenizer.Tokenize(question.Title + " " + question.Body).Distinct(StringComparer.Ordinal).ToList();
        var idf = terms.ToDictionary(t => t, t =>
        {
            var df = users.Count(u => state.Terms(u).ContainsKey(t));
            return Math.Log(1 + ((users.Count - df + 0.5) / (df + 0.5)));
        }, StringComparer.Ordinal);
        return ByScore(state, question, u =>
        {
            var norm = 1.2 * (0.25 + (0.75 * state.Length(u) / average));
            return terms.Sum(t => state.Terms(u).TryGetValue(t, out var tf) ? idf[t] * tf * 2.2 / (tf + norm) : 0);
        });
    }

    // Ties (and the random baseline) are broken by a shuffle seeded with the question id: fair and repeatable.
    private static List<string> ByScore(CommunityState state, SeQuestion question, Func<string, double> score)
    {
        var random = new System.Random(question.Id);
        return [.. state.Users.Where(u => u != question.OwnerId)
            .OrderBy(u => u, StringComparer.Ordinal)
            .Select(u => (User: u, Score: score(u), Tie: random.Next()))
            .OrderByDescending(x => x.Score).ThenBy(x => x.Tie)
            .Select(x => x.User)];
    }
}
