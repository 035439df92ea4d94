using CopBot.Community;

namespace CopBot.Community.Tests.Gaps;

public class GapSummaryTests
{
    private static readonly DateTimeOffset At = new(2025, 3, 3, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Summarize_CountsDistinctRequestsPerTopic_MostFirstThenMostRecent()
    {
        KnowledgeGap[] gaps =
        [
            new("c", "peat", "q1", "first peat", At),
            new("c", "peat", "q2", "latest peat", At.AddDays(2)),
            new("c", "peat", "q2", "latest peat", At.AddDays(2)),
            new("c", "drones", "q3", "drones", At.AddDays(3)),
            new("c", "mangroves", "q4", "mangroves", At.AddDays(1)),
        ];

        var summary = GapSummary.Summarize(gaps, max: 2);

        Assert.Equal([("peat", 2), ("drones", 1)], summary.Select(s => (s.Topic, s.Requests)));
        Assert.Equal("latest peat", summary[0].LatestQuestion);
        Assert.Equal(At.AddDays(2), summary[0].LatestAt);
    }

    [Fact]
    public void Summarize_Nothing_Empty() => Assert.Empty(GapSummary.Summarize([], 10));
}
