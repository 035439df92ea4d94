using CopBot.Community;

namespace CopBot.RoutingEval;

/// <summary>
/// Raw, unnormalised per-candidate features for <see cref="NonlinearStudy"/>, beside the 0..1 mixture features: the
/// kind a tree can combine (a large count, a long silence, a crowded or an empty candidate set, a question whose
/// words or tags nobody has used). Only answers created before the question are in <see cref="CommunityState"/>.
/// The feedback features (votes, acceptance) are the exception: their final values are used, see
/// <see cref="AnswerFeedback"/>, so they may leak the future.
/// </summary>
internal sealed class NonlinearFeatures(StackExchangeDump dump, AnswerFeedback feedback)
{
    private readonly QueryLikelihood _likelihood = new(dump);

    public static readonly string[] Names =
    [
        "log answers", "log hours since last answer", "log hours since first answer", "answers last 7d",
        "log candidates", "log product rank", "BM25 user raw", "question's best BM25",
        "log answers on question's tags", "question has answered tags",
        "query likelihood per user: gap per token", "query likelihood per user: log rank", // see QueryLikelihood
        "query likelihood per answer: gap per token", "query likelihood per answer: log rank",
        "mean score of past answers", "accepted answers", "score on question's tags", // feedback: possible leak
    ];

    public const int Bm25Raw = 6;

    /// <summary>Index of the first query-likelihood feature (the raw features come before it).</summary>
    public const int FirstQueryLikelihood = 10;

    /// <summary>Index of the first feedback feature: the variants without feedback use the columns before it.</summary>
    public const int FirstFeedback = 14;

    private const double NeverHours = 1e5;

    public double[][] Of(CommunityState state, SeQuestion question, bool withTags, IReadOnlyList<string> candidates)
    {
        var tokens = TextTokenizer.Tokenize(question.Title + " " + question.Body);
        var terms = tokens.Distinct(StringComparer.Ordinal).ToList();
        var bm25 = MixtureFeatures.Bm25(state, terms, state.Terms, state.Length);
        var raw = candidates.Select(bm25).ToArray();
        var bestBm25 = raw.DefaultIfEmpty().Max();
        var tags = withTags ? question.Tags : [];
        var tagCounts = candidates.Select(u => tags.Sum(t => state.TagCount(u, t))).ToArray();
        var answeredTags = tagCounts.Any(c => c > 0) ? 1.0 : 0;
        var perUser = Relative(QueryLikelihood.PerUser(state, tokens, candidates), tokens.Count, candidates);
        var perAnswer = Relative(_likelihood.PerAnswer(state, tokens, candidates), tokens.Count, candidates);
        return [.. candidates.Select((u, i) =>
        {
            var answers = state.AnswersOf(u);
            var last = answers.Count == 0 ? NeverHours : Math.Max(0, (question.At - answers[^1].At).TotalHours);
            var first = answers.Count == 0 ? NeverHours : Math.Max(0, (question.At - answers[0].At).TotalHours);
            var onTags = answers.Where(a => tags.Count > 0 && dump.QuestionById[a.QuestionId].Tags.Intersect(tags, StringComparer.Ordinal).Any()).ToList();
            return new[]
            {
                Math.Log(1 + answers.Count), Math.Log(1 + last), Math.Log(1 + first),
                answers.Count(a => a.At >= question.At.AddDays(-7)), Math.Log(candidates.Count), Math.Log(1 + i),
                raw[i], bestBm25, Math.Log(1 + tagCounts[i]), answeredTags,
                perUser[u].Gap, perUser[u].LogRank, perAnswer[u].Gap, perAnswer[u].LogRank,
                answers.Count == 0 ? 0 : answers.Average(a => feedback.Score(a.Id)), answers.Count(a => feedback.Accepted(a.Id)),
                onTags.Sum(a => feedback.Score(a.Id)),
            };
        })];
    }

    // A log-likelihood as the gap to the question's best candidate per query token, and as log(1 + rank).
    private static Dictionary<string, (double Gap, double LogRank)> Relative(
        Dictionary<string, double> likelihood, int tokens, IReadOnlyList<string> candidates)
    {
        var best = likelihood.Values.DefaultIfEmpty().Max();
        return candidates.OrderByDescending(u => likelihood[u]).ThenBy(u => u, StringComparer.Ordinal).Select((u, k) => (u, k))
            .ToDictionary(x => x.u, x => ((likelihood[x.u] - best) / Math.Max(1, tokens), Math.Log(1 + x.k)), StringComparer.Ordinal);
    }
}
