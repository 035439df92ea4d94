namespace CopBot.RoutingEval;

/// <summary>
/// Candidate signals for <see cref="SignalStudy"/>, computed per (question, candidate) from what was known when the
/// question was asked: the answers in the state and the questions asked up to the state's latest answer.
/// </summary>
public sealed class SignalFeatures(StackExchangeDump dump)
{
    public static readonly string[] Names =
    [
        "affinity", // answers to this asker's earlier questions
        "reciprocal", // the asker answered the candidate's questions
        "askedRecently", // questions the candidate asked in the last 7 days (presence beside answering)
        "affinityDecayed", // affinity, each answer halving after 200 later community answers
        "win25", "win50", "win100", "win200", // answers among the community's last N answers
        "days3", "days7", "days30", // answers in the last N days
        "hours2", "hours6", "hours12", // answers in the last N hours (an answering session under way)
        "hour2", // answers within ±2 hours of the question's time of day (UTC)
        "hourShare", "dowShare", // smoothed share of answers at that hour / on that weekday (×5 / ×7)
        "allAnswers", // every past answer, not capped at the profile's 100 history items
    ];

    private static readonly int[] WindowSizes = [25, 50, 100, 200];
    private static readonly double[] DaySpans = [3, 7, 30, 2 / 24.0, 6 / 24.0, 12 / 24.0];

    private readonly Dictionary<int, int> _answerIndex = dump.Answers.Select((a, i) => (a.Id, i)).ToDictionary(p => p.Id, p => p.i);

    public double[] Of(CommunityState state, SeQuestion question, string user)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(question);
        var answers = state.AnswersOf(user);
        double affinity = 0, affinityDecayed = 0, hour2 = 0, dow = 0;
        var windows = new double[WindowSizes.Length];
        var days = new double[DaySpans.Length];
        foreach (var a in answers)
        {
            // The state holds a prefix of the chronological answers, so later = community answers after this one.
            var later = state.TotalAnswers - _answerIndex[a.Id] - 1;
            if (question.OwnerId is not null && dump.QuestionById[a.QuestionId].OwnerId == question.OwnerId)
            {
                affinity++;
                affinityDecayed += Math.Pow(0.5, later / 200.0);
            }

            for (var w = 0; w < WindowSizes.Length; w++)
            {
                windows[w] += later < WindowSizes[w] ? 1 : 0;
            }

            for (var d = 0; d < DaySpans.Length; d++)
            {
                days[d] += (question.At - a.At).TotalDays <= DaySpans[d] ? 1 : 0;
            }

            var gap = Math.Abs(a.At.UtcDateTime.Hour - question.At.UtcDateTime.Hour);
            hour2 += Math.Min(gap, 24 - gap) <= 2 ? 1 : 0;
            dow += a.At.UtcDateTime.DayOfWeek == question.At.UtcDateTime.DayOfWeek ? 1 : 0;
        }

        double reciprocal = 0;
        if (question.OwnerId is not null)
        {
            reciprocal = state.AnswersOf(question.OwnerId).Count(a => dump.QuestionById[a.QuestionId].OwnerId == user);
        }

        var asked = dump.Questions.Count(q => q.OwnerId == user && q.At < question.At && q.At <= state.LatestAt
            && (question.At - q.At).TotalDays <= 7);
        var n = answers.Count;
        return [affinity, reciprocal, asked, affinityDecayed, .. windows, .. days, hour2,
            n == 0 ? 0 : (hour2 + 1) / (n + 5.0) * 5, n == 0 ? 0 : (dow + 1) / (n + 7.0) * 7, n];
    }
}
