namespace CopBot.Community.Tests.Metrics;

public class IndicatorCalculatorTests
{
    private static readonly DateTimeOffset From = new(2025, 3, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset To = new(2025, 4, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly QueryPlace Place = new("msteams", "https://smba.example/", "19:a@thread.tacv2;messageid=1", "t", "28:bot", "CopBot", "1");

    private static ExpertProfile Person(string id, string name, params CommunityRole[] roles) =>
        new("default", id, name, [], roles);

    private static ExpertAssignment Answered(string id, string name, DateTimeOffset at) =>
        new(id, name, 1, []) { State = AssignmentState.Answered, Answer = "a", AnsweredAt = at };

    private static QueryRequest Query(string id, DateTimeOffset at, string asker, string topic, params ExpertAssignment[] experts) =>
        new("default", id, "Q " + id, [topic], Place, asker, "Asker", at, experts) { Topics = [topic] };

    private static CommunityIndicators Compute()
    {
        var t = From.AddDays(3);
        ExpertProfile[] people =
        [
            Person("amara", "Amara", CommunityRole.Expert, CommunityRole.Facilitator),
            Person("tomas", "Tomás", CommunityRole.Expert),
            Person("ada", "Ada", CommunityRole.Member),
            Person("zeynep", "Zeynep", CommunityRole.Member),
        ];
        QueryRequest[] queries =
        [
            Query("q1", t, "ada", "cash-transfers", Answered("amara", "Amara", t.AddHours(4)), Answered("tomas", "Tomás", t.AddHours(2))),
            Query("q2", t.AddDays(1), "ada", "fire-management", new ExpertAssignment("tomas", "Tomás", 1, []) { State = AssignmentState.Declined }),
            Query("q3", t.AddDays(2), "zeynep", "cash-transfers", Answered("amara", "Amara", t.AddDays(2).AddHours(10))),
            // Asked before the period, answered in it: the answer counts, the request does not.
            Query("q0", From.AddDays(-2), "zeynep", "nutrition", Answered("tomas", "Tomás", From.AddHours(1))),
        ];
        DuplicateOffer[] offers =
        [
            new("default", "q9", new QueryAsk(Place, "ada", "Ada", "Q", [], false), ["e"], t) { State = DuplicateOfferState.Accepted, SettledAt = t },
            new("default", "q8", new QueryAsk(Place, "ada", "Ada", "Q", [], false), ["e"], t) { State = DuplicateOfferState.Rejected, SettledAt = t },
        ];
        KnowledgeEntry[] entries =
        [
            new("default", KnowledgeKind.AnsweredQuery, "q1", "Q", "A", [], [], null, t.AddDays(1)),
            new("default", KnowledgeKind.AnsweredQuery, "q0", "Q", "A", [], [], null, From.AddDays(-1)),
        ];
        return IndicatorCalculator.Compute("default", From, To, people, queries, offers, entries);
    }

    [Fact]
    public void Compute_RealisticMonth_CountsRequestsAnswersAndPeople()
    {
        var s = Compute();

        Assert.Equal((4, 2, 2), (s.Members, s.Experts, s.ActiveContributors));
        Assert.Equal(new ParticipationLevels(Contributing: 2, AskingOnly: 2, Silent: 0), s.Participation);
        Assert.Equal((3, 2), (s.Requests, s.Answered));
        Assert.Equal(2.0 / 3, s.AnswerRate, 6);
        Assert.Equal([new CountByName("query", 3), new CountByName("discuss", 0), new CountByName("consult", 0), new CountByName("collaborate", 0)], s.RequestsByModality);
        Assert.Equal((1, 1), (s.AnsweredFromKnowledgeBase, s.KnowledgeEntriesPublished));
    }

    [Fact]
    public void Compute_FirstAnswers_MedianOfEachRequestsEarliestAnswer()
    {
        // q1: first answer after 2 h (Tomás, before Amara's 4 h); q3: 10 h. Median of {2 h, 10 h} = 6 h.
        Assert.Equal(TimeSpan.FromHours(6), Compute().MedianTimeToFirstAnswer);
    }

    [Fact]
    public void Compute_GapsAndTopContributors_FromAnswersGivenInThePeriod()
    {
        var s = Compute();

        Assert.Equal([new TopicGap("fire-management", 1, 1)], s.Gaps);
        Assert.Equal([new CountByName("Amara", 2), new CountByName("Tomás", 2)], s.TopContributors);
    }

    [Fact]
    public void Compute_NothingHappened_ZerosWithoutMedian()
    {
        var s = IndicatorCalculator.Compute("default", From, To, [Person("ada", "Ada")], [], [], []);

        Assert.Equal((0, 0, 0.0, 1), (s.Requests, s.ActiveContributors, s.AnswerRate, s.Participation.Silent));
        Assert.Null(s.MedianTimeToFirstAnswer);
    }

    [Fact]
    public void IndicatorCsv_NamesWithCommasQuotesAndFormulas_AreQuotedAndDefused()
    {
        var s = Compute() with { TopContributors = [new("Ferreira, \"Tomás\"", 2), new("=HYPERLINK(\"x\")", 1)] };

        var csv = IndicatorCsv.Write(s);

        Assert.StartsWith("section,name,value\nperiod,community,default\nperiod,from,2025-03-01T00:00:00.0000000+00:00\n", csv, StringComparison.Ordinal);
        Assert.Contains("top_contributor_answers,\"Ferreira, \"\"Tomás\"\"\",2\n", csv, StringComparison.Ordinal);
        Assert.Contains("top_contributor_answers,\"'=HYPERLINK(\"\"x\"\")\",1\n", csv, StringComparison.Ordinal);
        Assert.Contains("requests,median_hours_to_first_answer,6\n", csv, StringComparison.Ordinal);
        Assert.Contains("requests,answer_rate,0.6667\n", csv, StringComparison.Ordinal);
    }
}
