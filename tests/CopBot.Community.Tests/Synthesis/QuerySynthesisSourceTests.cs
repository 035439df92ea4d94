namespace CopBot.Community.Tests.Synthesis;

public class QuerySynthesisSourceTests
{
    private static readonly DateTimeOffset Asked = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void From_Query_AnswersBecomeContributionsInTimeOrderWithOrganisations()
    {
        var query = new QueryRequest("default", "q-1", "How do we target cash transfers?", ["cash-transfers"],
            new QueryPlace("msteams", "https://example.test/", "19:x;messageid=1", "t", "28:bot", "CopBot", "1"), "29:asker", "Zeynep", Asked,
            [
                new ExpertAssignment("29:late", "Late", 1, []) { State = AssignmentState.Answered, Answer = "Second.", AnsweredAt = Asked.AddHours(9) },
                new ExpertAssignment("29:early", "Early", 1, []) { State = AssignmentState.Answered, Answer = "First.", AnsweredAt = Asked.AddHours(2) },
                new ExpertAssignment("29:declined", "No", 1, []) { State = AssignmentState.Declined },
                new ExpertAssignment("29:asked", "Asked", 1, []) { State = AssignmentState.Asked },
            ]);

        var request = QuerySynthesisSource.From(query, new Dictionary<string, string?> { ["29:early"] = "FAO", ["29:asker"] = "WFP" });

        Assert.Equal(("q-1", "query", "How do we target cash transfers?", Asked), (request.Id, request.Modality, request.Text, request.At));
        Assert.Equal(new Contributor("29:asker", "Zeynep", "WFP"), request.Requester);
        Assert.Equal(["First.", "Second."], request.Contributions.Select(c => c.Text));
        Assert.Equal(new Contributor("29:early", "Early", "FAO"), request.Contributions[0].Author);
        Assert.Null(request.Contributions[1].Author.Organization);
        Assert.Equal(Asked.AddHours(2), request.Contributions[0].At);
        Assert.Equal(2, request.Contributions.Select(c => c.Id).Distinct().Count());
    }
}
