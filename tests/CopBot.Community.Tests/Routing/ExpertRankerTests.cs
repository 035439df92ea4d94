using CopBot.Community;
using static CopBot.Community.Tests.Routing.Communities;

namespace CopBot.Community.Tests.Routing;

public class ExpertRankerTests
{
    private readonly ExpertRanker _ranker = new(new RoutingOptions());

    [Fact]
    public void Rank_ExplicitTagMatchesDeclaredSkill_RanksSkilledExpertFirst()
    {
        var result = _ranker.Rank(Brewers(), Query("Citra aroma: where does it come from?", "hops"), Context());

        Assert.Equal("hops-skill", result.Experts[0].Id);
        Assert.False(result.IsGap);
    }

    [Fact]
    public void Rank_TextSimilarToPastAnswer_RanksThatExpertFirst()
    {
        var result = _ranker.Rank(Brewers(), Query("My fermentation stalled, high gravity brew, what now?"), Context());

        Assert.Equal("yeast-history", result.Experts[0].Id);
        Assert.Contains("yeast", result.InferredTopics);
    }

    [Fact]
    public void Rank_NoTopicalEvidence_FallsBackToMostActiveAndReportsGap()
    {
        var result = _ranker.Rank(Brewers(), Query("Where can I rent a forklift for the warehouse?"), Context());

        Assert.Equal("generalist", result.Experts[0].Id);
        Assert.True(result.IsGap);
    }

    [Fact]
    public void Rank_TopN_DefaultsToOptionsWhenQueryTopIsZero()
    {
        var result = _ranker.Rank(Brewers(), new RoutingQuery("hops", [], null, Top: 0), Context());

        Assert.Equal(3, result.Experts.Count);
    }

    [Fact]
    public void Rank_RecentActivity_OutranksEqualButOlderActivity()
    {
        var index = ExpertIndex.Build(Name,
        [
            Expert("old", history: Many(5, "malt", daysAgo: 400)),
            Expert("recent", history: Many(5, "malt", daysAgo: 1)),
            Expert("filler", history: Many(200, "water", daysAgo: 200)),
        ]);

        var result = _ranker.Rank(index, Query("malt question", "malt"), Context());

        Assert.True(result.Experts.ToList().FindIndex(e => e.Id == "recent") < result.Experts.ToList().FindIndex(e => e.Id == "old"));
    }

    [Fact]
    public void Rank_AskerIsTheBestExpert_ExcludesAsker()
    {
        var query = new RoutingQuery("Dry hopping timing?", ["hops"], AskerId: "hops-skill", Top: 5);

        var result = _ranker.Rank(Brewers(), query, Context());

        Assert.DoesNotContain(result.Experts, e => e.Id == "hops-skill");
        Assert.Equal(2, result.Experts.Count);
    }

    [Fact]
    public void Rank_AskerKnownByEntraObjectId_ExcludesAsker()
    {
        var aad = "6f1c2a3b-8d4e-4f5a-9b6c-7d8e9f0a1b2c";
        var index = Brewers(Expert("29:asker", skills: [new Skill("hops", 5)]) with { AadObjectId = aad });

        var result = _ranker.Rank(index, new RoutingQuery("Dry hopping?", ["hops"], aad.ToUpperInvariant(), 5), Context());

        Assert.DoesNotContain(result.Experts, e => e.Id == "29:asker");
        Assert.Contains(result.Experts, e => e.Id == "hops-skill");
    }

    [Fact]
    public void Rank_ExpertBusyUntilLater_IsExcluded()
    {
        var context = Context() with { BusyUntil = new Dictionary<string, DateTimeOffset> { ["hops-skill"] = Now.AddHours(2) } };

        var result = _ranker.Rank(Brewers(), Query("Dry hopping?", "hops"), context);

        Assert.DoesNotContain(result.Experts, e => e.Id == "hops-skill");
    }

    [Fact]
    public void Rank_ExpertWasBusyBeforeNow_IsIncluded()
    {
        var context = Context() with { BusyUntil = new Dictionary<string, DateTimeOffset> { ["hops-skill"] = Now.AddHours(-2) } };

        var result = _ranker.Rank(Brewers(), Query("Dry hopping?", "hops"), context);

        Assert.Equal("hops-skill", result.Experts[0].Id);
    }

    [Fact]
    public void Rank_ProfileBusyUntilLater_IsExcludedUntilThatInstant()
    {
        var index = Brewers(Expert("away", skills: [new Skill("hops", 5)], history: Many(9, "hops", daysAgo: 1)) with { BusyUntil = Now.AddDays(3) });

        var whileAway = _ranker.Rank(index, Query("Dry hopping?", "hops"), Context());
        var afterwards = _ranker.Rank(index, Query("Dry hopping?", "hops"), Context() with { Now = Now.AddDays(3) });

        Assert.DoesNotContain(whileAway.Experts, e => e.Id == "away");
        Assert.Equal("away", afterwards.Experts[0].Id);
    }

    [Fact]
    public void Rank_ExpertAtMaxOpenRequests_IsExcluded()
    {
        var context = Context() with { OpenRequests = new Dictionary<string, int> { ["hops-skill"] = 3 } };

        var result = _ranker.Rank(Brewers(), Query("Dry hopping?", "hops"), context);

        Assert.DoesNotContain(result.Experts, e => e.Id == "hops-skill");
    }

    [Fact]
    public void Rank_ExpertWithMaxOpenRequestsZero_IsNeverRouted()
    {
        var index = Brewers(Expert("opted-out", skills: [new Skill("hops", 5)], history: Many(3, "hops", 1), maxOpen: 0));

        var result = _ranker.Rank(index, Query("Dry hopping?", "hops"), Context());

        Assert.DoesNotContain(result.Experts, e => e.Id == "opted-out");
    }

    [Fact]
    public void Rank_FairnessCapReached_SkipsExpert()
    {
        var context = Context() with { RecentRequests = new Dictionary<string, int> { ["hops-skill"] = 5 } };

        var capped = _ranker.Rank(Brewers(), Query("Dry hopping?", "hops"), context);
        var uncapped = new ExpertRanker(new RoutingOptions { FairnessCap = null }).Rank(Brewers(), Query("Dry hopping?", "hops"), context);

        Assert.DoesNotContain(capped.Experts, e => e.Id == "hops-skill");
        Assert.Equal("hops-skill", uncapped.Experts[0].Id);
    }

    [Fact]
    public void Rank_CloseScoresFromSameOrganisation_PutsOtherOrganisationSecond()
    {
        var index = ExpertIndex.Build(Name,
        [
            Expert("a1", skills: [new Skill("hops", 5)], organization: "Acme"),
            Expert("a2", skills: [new Skill("hops", 5)], organization: "ACME "),
            Expert("b1", skills: [new Skill("hops", 4)], organization: "Brewco"),
        ]);

        var diverse = new ExpertRanker(new RoutingOptions { DiversityMargin = 0.2 }).Rank(index, Query("Dry hopping?", "hops"), Context());
        var plain = new ExpertRanker(new RoutingOptions { DiversityMargin = 0 }).Rank(index, Query("Dry hopping?", "hops"), Context());

        Assert.Equal(["a1", "b1", "a2"], diverse.Experts.Select(e => e.Id));
        Assert.Equal(["a1", "a2", "b1"], plain.Experts.Select(e => e.Id));
    }

    [Fact]
    public void Rank_FarScoresFromSameOrganisation_KeepsScoreOrder()
    {
        var index = ExpertIndex.Build(Name,
        [
            Expert("a1", skills: [new Skill("hops", 5)], history: Many(5, "hops", 1), organization: "Acme"),
            Expert("a2", skills: [new Skill("hops", 5)], history: Many(5, "hops", 1), organization: "Acme"),
            Expert("b1", organization: "Brewco"),
        ]);

        var result = _ranker.Rank(index, Query("Dry hopping?", "hops"), Context());

        Assert.Equal(["a1", "a2", "b1"], result.Experts.Select(e => e.Id));
    }

    [Fact]
    public void Rank_PositiveFeedback_RaisesExpertAboveEqualPeer()
    {
        var index = ExpertIndex.Build(Name, [Expert("x", skills: [new Skill("hops", 4)]), Expert("y", skills: [new Skill("hops", 4)])]);
        var context = Context() with { Feedback = [new RoutingFeedback("y", "hops", 2)] };

        var result = _ranker.Rank(index, Query("Dry hopping?", "hops"), context);

        Assert.Equal("y", result.Experts[0].Id);
        Assert.Contains(result.Experts[0].Why, w => w.Contains("well received", StringComparison.Ordinal));
    }

    [Fact]
    public void Rank_NotMyAreaFeedback_LowersExpertForThatTopicOnly()
    {
        var context = Context() with { Feedback = [new RoutingFeedback("hops-skill", "#Hops", -3)] };

        var onHops = _ranker.Rank(Brewers(), Query("Dry hopping?", "hops"), context);
        var plain = _ranker.Rank(Brewers(), Query("Dry hopping?", "hops"), Context());

        Assert.True(onHops.Experts.Single(e => e.Id == "hops-skill").Score < plain.Experts.Single(e => e.Id == "hops-skill").Score);
        Assert.Contains(onHops.Experts.Single(e => e.Id == "hops-skill").Why, w => w.Contains("not their area", StringComparison.Ordinal));
    }

    [Fact]
    public void Rank_MatchedExpert_WhyNamesTopicSimilarQuestionAndActivity()
    {
        var result = _ranker.Rank(Brewers(), Query("Which yeast strain for banana esters?", "yeast"), Context());

        var why = result.Experts.Single(e => e.Id == "yeast-history").Why;
        Assert.Contains("#yeast: answered 2 questions on it", why);
        Assert.Contains(why, w => w.StartsWith("Answered a similar question: \"Which yeast strain", StringComparison.Ordinal));
        Assert.Contains("Answered 2 questions in the community, latest on 2025-05-22", why);
    }

    [Fact]
    public void Rank_SkillOnlyExpert_WhyShowsSkillLevel()
    {
        var result = _ranker.Rank(Brewers(), Query("Dry hopping?", "hops"), Context());

        Assert.Contains("#hops: skill level 5/5", result.Experts[0].Why);
    }

    [Fact]
    public void Rank_TagNamedInText_InfersThatTopic()
    {
        var result = _ranker.Rank(Brewers(), Query("Are Hops from New Zealand different?"), Context());

        Assert.Equal("hops", result.InferredTopics[0]);
        Assert.Equal("hops-skill", result.Experts[0].Id);
        Assert.False(result.IsGap);
    }

    [Fact]
    public void Rank_HashTagInText_CountsAsExplicitTag()
    {
        var result = _ranker.Rank(Brewers(), Query("Quick one for the #yeast people: is dry better?"), Context());

        Assert.Equal("yeast", result.InferredTopics[0]);
        Assert.Equal("yeast-history", result.Experts[0].Id);
    }

    [Fact]
    public void Rank_EmptyIndex_ReturnsGapWithoutExperts()
    {
        var result = _ranker.Rank(ExpertIndex.Empty(Name), Query("Anyone?", "hops"), Context());

        Assert.Empty(result.Experts);
        Assert.True(result.IsGap);
        Assert.Equal(["hops"], result.InferredTopics);
    }
}
