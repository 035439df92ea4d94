namespace CopBot.Community;

/// <summary>
/// Evidence of the experts one request matches, in per-thread arrays indexed by expert: a popular topic at 100k profiles
/// matches tens of thousands of experts, and an object or dictionary entry each cost more than scoring them. Only the
/// matched positions are cleared afterwards. Candidate objects are made for the few that can reach the short list.
/// </summary>
internal sealed class MatchedEvidence : IDisposable
{
    [ThreadStatic]
    private static MatchedEvidence? s_free;

    private bool[] _isMatched = [];

    /// <summary>Matched experts in the order they were first matched.</summary>
    public List<int> Matched { get; } = [];

    /// <summary>Σ over the query's topics of weight · log(1 + topic evidence) (as <see cref="CandidateScore.Topic"/>).</summary>
    public double[] Topic { get; private set; } = [];

    public double[] Coverage { get; private set; } = [];

    /// <summary>Σ of the BM25 scores of the expert's questions among the most similar ones.</summary>
    public double[] Text { get; private set; } = [];

    public double[] Feedback { get; private set; } = [];

    public double[] Score { get; private set; } = [];

    public static MatchedEvidence Rent(int experts)
    {
        var evidence = s_free ?? new MatchedEvidence();
        s_free = null;
        if (evidence._isMatched.Length < experts)
        {
            evidence._isMatched = new bool[experts];
            evidence.Topic = new double[experts];
            evidence.Coverage = new double[experts];
            evidence.Text = new double[experts];
            evidence.Feedback = new double[experts];
            evidence.Score = new double[experts];
        }

        return evidence;
    }

    public bool IsMatched(int expert) => _isMatched[expert];

    public void Match(int expert)
    {
        if (!_isMatched[expert])
        {
            _isMatched[expert] = true;
            Matched.Add(expert);
        }
    }

    public void Dispose()
    {
        foreach (var expert in Matched)
        {
            _isMatched[expert] = false;
            Topic[expert] = Coverage[expert] = Text[expert] = Feedback[expert] = Score[expert] = 0;
        }

        Matched.Clear();
        s_free = this;
    }
}
