using CopBot.Community;

namespace CopBot.RoutingEval;

/// <summary>
/// Language-model document scores with Dirichlet smoothing for <see cref="NonlinearFeatures"/>, both over the text
/// known when the question is asked (a past answer's document = its question and the answer, as the BM25 baseline).
/// Query tokens nobody has written are skipped (they shift every candidate alike).
/// </summary>
internal sealed class QueryLikelihood(StackExchangeDump dump)
{
    private readonly Dictionary<int, (Dictionary<string, int> Bag, int Length)> _documents = [];

    /// <summary>
    /// One document per user (candidate model): Σ over query tokens of log((tf + μ·P(t)) / (length + μ)), μ = the
    /// mean user-document length. No document prior: long histories are penalised for every query word they lack.
    /// </summary>
    public static Dictionary<string, double> PerUser(CommunityState state, IReadOnlyList<string> query, IReadOnlyList<string> candidates)
    {
        var (collection, total) = Collection(state, query);
        var mu = total / Math.Max(1, state.Users.Count());
        return candidates.ToDictionary(u => u, u => query.Where(collection.ContainsKey).Sum(t =>
            Math.Log((state.Terms(u).GetValueOrDefault(t) + (mu * collection[t])) / (state.Length(u) + mu))), StringComparer.Ordinal);
    }

    /// <summary>
    /// One document per past answer, summed per user (document model): log Σ_answers P(query | answer), each answer
    /// Dirichlet-smoothed with μ = the mean answer-document length. The sum rewards people with many matching answers.
    /// </summary>
    public Dictionary<string, double> PerAnswer(CommunityState state, IReadOnlyList<string> query, IReadOnlyList<string> candidates)
    {
        var (collection, total) = Collection(state, query);
        var mu = total / Math.Max(1, state.TotalAnswers);
        var counts = query.Where(collection.ContainsKey).GroupBy(t => t, StringComparer.Ordinal).Select(g => (Term: g.Key, Count: g.Count())).ToList();
        return candidates.ToDictionary(u => u, u =>
        {
            var logs = state.AnswersOf(u).Select(a =>
            {
                var (bag, length) = Document(a);
                return counts.Sum(x => x.Count * Math.Log((bag.GetValueOrDefault(x.Term) + (mu * collection[x.Term])) / (length + mu)));
            }).ToList();
            var max = logs.DefaultIfEmpty().Max();
            return max + Math.Log(logs.Sum(l => Math.Exp(l - max)));
        }, StringComparer.Ordinal);
    }

    private static (Dictionary<string, double> P, double Total) Collection(CommunityState state, IReadOnlyList<string> query)
    {
        var users = state.Users.ToList();
        var total = (double)Math.Max(1, users.Sum(state.Length));
        var collection = query.Distinct(StringComparer.Ordinal)
            .Select(t => (Term: t, P: users.Sum(u => state.Terms(u).GetValueOrDefault(t)) / total))
            .Where(x => x.P > 0).ToDictionary(x => x.Term, x => x.P, StringComparer.Ordinal);
        return (collection, total);
    }

    private (Dictionary<string, int> Bag, int Length) Document(SeAnswer answer)
    {
        if (!_documents.TryGetValue(answer.Id, out var document))
        {
            var question = dump.QuestionById[answer.QuestionId];
            var tokens = TextTokenizer.Tokenize(question.Title + " " + question.Body + " " + answer.Body);
            document = (tokens.GroupBy(t => t, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal), tokens.Count);
            _documents[answer.Id] = document;
        }

        return document;
    }
}
