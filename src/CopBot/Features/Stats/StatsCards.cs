using System.Globalization;
using CopBot.Cards;
using CopBot.Community;

namespace CopBot.Features.Stats;

/// <summary>Formats the indicators for the <c>stats</c> card.</summary>
internal static class StatsCards
{
    public static AdaptiveCard Build(CommunityIndicators s)
    {
        var inv = CultureInfo.InvariantCulture;
        var period = $"{s.From.ToString("d MMM yyyy", inv)} – {s.To.AddTicks(-1).ToString("d MMM yyyy", inv)}";
        Fact[] facts =
        [
            new("Members", $"{s.Members} ({s.Experts} with expertise)"),
            new("Active contributors", s.ActiveContributors.ToString(inv)),
            new("Participation", $"{s.Participation.Contributing} contributing · {s.Participation.AskingOnly} asking only · {s.Participation.Silent} silent"),
            new("Requests", string.Join(" · ", s.RequestsByModality.Select(m => $"{m.Count} {m.Name}"))),
            new("Answer rate", s.Requests == 0 ? "no requests" : $"{(s.AnswerRate * 100).ToString("0", inv)}% ({s.Answered} of {s.Requests})"),
            new("Median time to first answer", s.MedianTimeToFirstAnswer is { } t ? Duration(t) : "no answers yet"),
            new("Consultation reviews completed", s.ReviewsCompleted.ToString(inv)),
            new("Answered from the knowledge base", s.AnsweredFromKnowledgeBase.ToString(inv)),
            new("Knowledge entries published", s.KnowledgeEntriesPublished.ToString(inv)),
        ];
        return StatsCard.Build(new StatsView(
            s.Community,
            period,
            facts,
            [.. s.TopContributors.Select(c => $"{c.Name}: {c.Count} {(c.Count == 1 ? "answer" : "answers")}")],
            [.. s.Gaps.Select(g => $"#{g.Topic}: {g.Unanswered} of {g.Requests} unanswered")]));
    }

    private static string Duration(TimeSpan t) => t.TotalHours < 1
        ? $"{Math.Max(1, (int)t.TotalMinutes)} min"
        : t.TotalDays < 2 ? $"{t.TotalHours.ToString("0.#", CultureInfo.InvariantCulture)} h" : $"{t.TotalDays.ToString("0.#", CultureInfo.InvariantCulture)} days";
}
