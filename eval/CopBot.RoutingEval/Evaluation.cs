namespace CopBot.RoutingEval;

/// <summary>A ranker under test: a name, how it ranks, and whether it sees the question's tags.</summary>
public sealed record Contender(string Name, Ranker Ranker, bool WithTags);

/// <summary>Per-question metrics of each contender, in contender order.</summary>
public sealed record EvaluationRun(string Split, int Questions, IReadOnlyDictionary<string, IReadOnlyList<QuestionMetrics>> Metrics);

/// <summary>
/// Chronological evaluation. Test questions are those after the first half (by creation time); relevant = everyone
/// who answered, asker excluded; candidates = everyone with an earlier answer, asker excluded.
/// </summary>
public sealed class Evaluation(StackExchangeDump dump)
{
    public int FirstTestQuestion => dump.Questions.Count / 2;

    /// <summary>Rolling split: each test question is ranked with all answers created before it.</summary>
    public EvaluationRun Rolling(IReadOnlyList<Contender> contenders, int from, int to)
    {
        ArgumentNullException.ThrowIfNull(contenders);
        var state = new CommunityState(dump);
        var next = 0;
        return Run("rolling", contenders, from, to, question =>
        {
            var start = next;
            while (next < dump.Answers.Count && dump.Answers[next].At < question.At)
            {
                next++;
            }

            state.Add(dump.Answers.Skip(start).Take(next - start));
            return state;
        });
    }

    /// <summary>Fixed split: profiles from answers before the first test question; the index stays as it is.</summary>
    public EvaluationRun Fixed(IReadOnlyList<Contender> contenders, int from, int to, Func<CommunityState, CommunityState>? prepare = null)
    {
        ArgumentNullException.ThrowIfNull(contenders);
        var cutoff = dump.Questions[FirstTestQuestion].At;
        var state = new CommunityState(dump);
        state.Add(dump.Answers.Where(a => a.At < cutoff));
        state = prepare?.Invoke(state) ?? state;
        return Run("fixed 50/50", contenders, from, to, _ => state);
    }

    private EvaluationRun Run(string split, IReadOnlyList<Contender> contenders, int from, int to, Func<SeQuestion, CommunityState> stateAt)
    {
        var metrics = contenders.ToDictionary(c => c.Name, _ => new List<QuestionMetrics>());
        var answerers = dump.Answers.ToLookup(a => a.QuestionId, a => a.OwnerId);
        var count = 0;
        foreach (var question in dump.Questions.Skip(from).Take(to - from))
        {
            var state = stateAt(question);
            var relevant = answerers[question.Id].Where(u => u != question.OwnerId).ToHashSet(StringComparer.Ordinal);
            if (relevant.Count == 0 || !state.Users.Any())
            {
                continue;
            }

            count++;
            foreach (var contender in contenders)
            {
                metrics[contender.Name].Add(QuestionMetrics.Of(contender.Ranker(state, question, contender.WithTags), relevant));
            }
        }

        return new EvaluationRun(split, count, metrics.ToDictionary(p => p.Key, p => (IReadOnlyList<QuestionMetrics>)p.Value));
    }
}
