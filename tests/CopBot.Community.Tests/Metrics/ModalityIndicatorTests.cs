using CopBot.Community;

namespace CopBot.Community.Tests.Metrics;

/// <summary>Discussions, consultations and working groups counted beside queries, and consultation reviews completed.</summary>
public class ModalityIndicatorTests
{
    private static readonly DateTimeOffset From = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset To = From.AddDays(30);
    private static readonly QueryPlace Place = new("msteams", "https://smba.example/", "19:a@thread.tacv2;messageid=1", null, "28:bot", "CopBot", "1");

    private static Discussion Discussion(string id, DateTimeOffset at) =>
        new("default", id, "Fire brigades", null, [], Place, "29:ada", "Ada", at, at.AddDays(7), []);

    private static Consultation Consultation(string id, DateTimeOffset at, params ReviewerAssignment[] reviewers) =>
        new("default", id, "Grant", new Uri("https://example.org/doc"), ["Sound?"], [], Place, "29:ada", "Ada", at, at.AddDays(7), reviewers);

    private static WorkingGroup Group(string id, DateTimeOffset at) =>
        new("default", id, "Guidance note", "10 pages", Place, "29:ada", "Ada", at, at.AddDays(30), [], []);

    private static ReviewerAssignment Reviewer(string id, ReviewerState state, DateTimeOffset? submittedAt) =>
        new(id, id, []) { State = state, SubmittedAt = submittedAt };

    [Fact]
    public void Compute_OtherModalities_CountedInThePeriodWithReviewsCompleted()
    {
        var records = new ModalityRecords(
            [Discussion("d1", From.AddDays(1)), Discussion("d2", From.AddDays(-1))],
            [Consultation("c1", From.AddDays(2),
                Reviewer("29:a", ReviewerState.Reviewed, From.AddDays(3)),
                Reviewer("29:b", ReviewerState.Reviewed, To.AddDays(1)),
                Reviewer("29:c", ReviewerState.Declined, null))],
            [Group("w1", From.AddDays(5)), Group("w2", To)]);

        var s = IndicatorCalculator.Compute("default", From, To, [], [], [], [], records);

        Assert.Equal([("query", 0), ("discuss", 1), ("consult", 1), ("collaborate", 1)], s.RequestsByModality.Select(m => (m.Name, m.Count)));
        Assert.Equal(1, s.ReviewsCompleted);
        Assert.Contains("requests,reviews_completed,1", IndicatorCsv.Write(s), StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_WithoutOtherModalities_ListsThemAtZero()
    {
        var s = IndicatorCalculator.Compute("default", From, To, [], [], [], []);

        Assert.Equal(["query", "discuss", "consult", "collaborate"], s.RequestsByModality.Select(m => m.Name));
        Assert.Equal(0, s.ReviewsCompleted);
    }
}
