using System.Globalization;

namespace CopBot.Community;

/// <summary>Short, human-readable reasons for a routed expert: matched topics, similar past answers, activity, feedback.</summary>
internal static class WhyTexts
{
    private const int MaxSimilar = 2;

    public static IReadOnlyList<string> For(ExpertIndex index, IndexedExpert expert, CandidateScore score)
    {
        var why = new List<string>();
        foreach (var (tag, _) in (score.MatchedTopics ?? []).OrderByDescending(m => m.Evidence).Take(3))
        {
            var slot = expert.Slot(index.Tags.Find(tag));
            var answered = slot >= 0 ? expert.Answers[slot] : 0;
            var level = slot >= 0 ? expert.Skills[slot] : 0;
            var parts = new List<string>();
            if (answered > 0)
            {
                parts.Add(Invariant($"answered {answered} question{(answered == 1 ? "" : "s")} on it"));
            }

            if (level > 0)
            {
                parts.Add(Invariant($"skill level {level}/{Skill.MaxLevel}"));
            }

            why.Add(Invariant($"#{tag}: {string.Join(", ", parts)}"));
        }

        foreach (var (question, _) in (score.SimilarQuestions ?? []).OrderByDescending(s => s.Score).Take(MaxSimilar))
        {
            why.Add(Invariant($"Answered a similar question: \"{question.Title}\""));
        }

        if (score.Feedback > 0)
        {
            why.Add("Earlier answers on this topic were well received");
        }
        else if (score.Feedback < 0)
        {
            why.Add("Said earlier this topic is not their area");
        }

        var total = expert.Profile.History.Count;
        var last = expert.Profile.History.Max(q => q.At);
        why.Add(total == 0
            ? "No answers recorded yet"
            : Invariant($"Answered {total} question{(total == 1 ? "" : "s")} in the community{(last is { } at ? Invariant($", latest on {at:yyyy-MM-dd}") : "")}"));
        return why;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
