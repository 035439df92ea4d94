using CopBot.Community;

namespace CopBot.Community.Tests.Gaps;

public class WhoKnowsWhatTests
{
    private static readonly DateTimeOffset Now = new(2025, 6, 1, 0, 0, 0, TimeSpan.Zero);

    private static ExpertProfile Expert(string id, params string[] tags) =>
        new("c", id, id.ToUpperInvariant(), [.. tags.Select(t => new Skill(t, Skill.MaxLevel))], []);

    [Fact]
    public void Build_TopicsHeldByMostExpertsFirst_EachWithTheRankersFirstChoices()
    {
        var index = ExpertIndex.Build("c", [Expert("ana", "fire", "drones"), Expert("ben", "fire"), Expert("chen", "fire", "mangroves"), Expert("dee", "drones")]);

        var map = WhoKnowsWhat.Build(index, new ExpertRanker(new RoutingOptions()), new RoutingContext(Now), topics: 2, expertsPerTopic: 2);

        Assert.Equal([("fire", 3), ("drones", 2)], map.Select(t => (t.Topic, t.ExpertCount)));
        Assert.Equal(2, map[0].Experts.Count);
        Assert.All(map[0].Experts, name => Assert.Contains(name, new[] { "ANA", "BEN", "CHEN" }));
        Assert.Equal(["ANA", "DEE"], map[1].Experts.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Build_EmptyCommunity_EmptyMap() =>
        Assert.Empty(WhoKnowsWhat.Build(ExpertIndex.Empty("c"), new ExpertRanker(new RoutingOptions()), new RoutingContext(Now), 5, 3));

    [Fact]
    public void ForTopics_OnlyTopicsSomeoneHolds_AskerExcluded()
    {
        var index = ExpertIndex.Build("c", [Expert("ana", "fire", "drones"), Expert("ben", "fire"), Expert("dee", "drones")]);

        var hints = WhoKnowsWhat.ForTopics(index, new ExpertRanker(new RoutingOptions()), new RoutingContext(Now), ["#Fire", "lattice-qcd", "fire"], askerId: "ben", expertsPerTopic: 3);

        var hint = Assert.Single(hints);
        Assert.Equal(("fire", 2), (hint.Topic, hint.ExpertCount));
        Assert.Equal(["ANA"], hint.Experts);
    }
}
