using CopBot.Community;

namespace CopBot.RoutingEval;

/// <summary>
/// Per-candidate features of <see cref="MixtureStudy"/>, each 0..1 over the candidates of one question. The product's
/// own terms come from the product's ranker run with one weight at 1 and the others at 0 (so they are exactly the
/// normalised terms it combines); the others use only what was known when the question was asked.
/// </summary>
public sealed class MixtureFeatures
{
    public static readonly string[] Names =
    [
        "prior h10", "prior h50", "prior h200", "prior no decay", // product prior, half-life 10 / 50 / 200 answers / none (history capped at 100)
        "all answers", // log(1 + every past answer), uncapped: the popularity baseline's signal
        "last answer 6h", "last answer 24h", "last answer 7d", // exp(−hours since the candidate's latest answer / τ)
        "topic", "text", // the product's topic evidence and document model
        "BM25 user", "BM25 answers", // BM25, one document per user: answered questions + answers / answer bodies alone
    ];

    /// <summary>Features the damping of unmatched candidates applies to (activity and presence, as the product's prior).</summary>
    public const int ActivityFeatures = 8;

    public const int Topic = 8;
    public const int Text = 9;

    private static readonly double?[] HalfLives = [10, 50, 200, null];
    private static readonly double[] RecencyHours = [6, 24, 168];

    private readonly ExpertRanker[] _priors = [.. HalfLives.Select(h => new ExpertRanker(Only(prior: 1) with { ActivityHalfLife = h }))];
    private readonly ExpertRanker _topic = new(Only(topic: 1));
    private readonly ExpertRanker _text = new(Only(text: 1));

    /// <summary>Feature rows in the order of <paramref name="candidates"/>.</summary>
    public double[][] Of(CommunityState state, SeQuestion question, bool withTags, IReadOnlyList<string> candidates)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(candidates);
        var query = new RoutingQuery(question.Title + "\n" + question.Body, withTags ? question.Tags : [], question.OwnerId, int.MaxValue);
        var context = new RoutingContext(question.At);
        var columns = new List<IReadOnlyDictionary<string, double>>();
        columns.AddRange(_priors.Select(r => Scores(r, state, query, context)));
        columns.Add(Normalised(candidates, u => Math.Log(1 + state.AnswerCount(u))));
        foreach (var tau in RecencyHours)
        {
            columns.Add(candidates.ToDictionary(u => u, u => Math.Exp(-HoursSinceLastAnswer(state, question, u) / tau), StringComparer.Ordinal));
        }

        columns.Add(Scores(_topic, state, query, context));
        columns.Add(Scores(_text, state, query, context));
        var terms = TextTokenizer.Tokenize(question.Title + " " + question.Body).Distinct(StringComparer.Ordinal).ToList();
        columns.Add(Normalised(candidates, Bm25(state, terms, state.Terms, state.Length)));
        columns.Add(Normalised(candidates, Bm25(state, terms, state.AnswerTerms, state.AnswerLength)));
        return [.. candidates.Select(u => columns.Select(c => c.GetValueOrDefault(u)).ToArray())];
    }

    // The product's defaults with one term left: unmatched candidates undamped (the study applies its own damping).
    private static RoutingOptions Only(double prior = 0, double topic = 0, double text = 0) => new()
    {
        PriorWeight = prior,
        TopicWeight = topic,
        TextWeight = text,
        FeedbackWeight = 0,
        UnmatchedPriorFactor = 1,
    };

    private static Dictionary<string, double> Scores(ExpertRanker ranker, CommunityState state, RoutingQuery query, RoutingContext context) =>
        ranker.Rank(state.Index, query, context).Experts.ToDictionary(e => e.Id, e => e.Score, StringComparer.Ordinal);

    private static double HoursSinceLastAnswer(CommunityState state, SeQuestion question, string user)
    {
        var answers = state.AnswersOf(user);
        return answers.Count == 0 ? double.PositiveInfinity : Math.Max(0, (question.At - answers.Max(a => a.At)).TotalHours);
    }

    private static Dictionary<string, double> Normalised(IReadOnlyList<string> candidates, Func<string, double> value)
    {
        var raw = candidates.ToDictionary(u => u, value, StringComparer.Ordinal);
        var max = raw.Values.DefaultIfEmpty().Max();
        return raw.ToDictionary(p => p.Key, p => max > 0 ? p.Value / max : 0, StringComparer.Ordinal);
    }

    /// <summary>BM25 (k1 1.2, b 0.75) with one document per user, as the evaluation's baseline.</summary>
    internal static Func<string, double> Bm25(
        CommunityState state, IReadOnlyList<string> terms, Func<string, IReadOnlyDictionary<string, int>> bag, Func<string, int> length)
    {
        var users = state.Users.ToList();
        var average = Math.Max(1, users.Average(length));
        var idf = terms.ToDictionary(t => t, t =>
        {
            var df = users.Count(u => bag(u).ContainsKey(t));
            return Math.Log(1 + ((users.Count - df + 0.5) / (df + 0.5)));
        }, StringComparer.Ordinal);
        return u =>
        {
            var norm = 1.2 * (0.25 + (0.75 * length(u) / average));
            return terms.Sum(t => bag(u).TryGetValue(t, out var tf) ? idf[t] * tf * 2.2 / (tf + norm) : 0);
        };
    }
}
