namespace CopBot.Cards.Tests;

public sealed class QueryCardsTests
{
    private static QueryAckView Ack(bool closed = false, int answers = 1) => new(
        "q-0123456789abcdef",
        "How do we target cash transfers to informal workers?",
        ["cash-transfers", "targeting"],
        "Ada Lovelace",
        [new QueryExpertLine("Amara", "knows #cash transfers (level 5)", "answered"), new QueryExpertLine("Tomás", "works on social registry", "asked")],
        answers,
        closed)
    {
        Note = "Olumide has not installed CopBot, so I mentioned them here instead of sending a private card.",
    };

    private static ExpertRequestView Request(string question) => new("q-0123456789abcdef", question, ["cash-transfers"], "Ada Lovelace", ["knows #cash transfers (level 5)"])
    {
        ThreadLink = new Uri("https://teams.microsoft.com/l/message/19%3Aabc%40thread.tacv2/1741684467331?parentMessageId=1741684467331"),
    };

    [Fact]
    public void Builders_RealisticHostileAndLongInput_PassOfficialParserWithinSizeLimit()
    {
        CardAssert.ValidFixtures(new Dictionary<string, AdaptiveCard>
        {
            ["query-ack-open"] = QueryAckCard.Build(Ack()),
            ["query-ack-closed"] = QueryAckCard.Build(Ack(closed: true)),
            ["query-ack-routing"] = QueryAckCard.Build(Ack(answers: 0) with { Experts = [], IsRouting = true }),
            ["query-ack-no-match"] = QueryAckCard.Build(Ack(answers: 0) with { Experts = [] }),
            ["query-ack-hostile"] = QueryAckCard.Build(Ack() with { Question = Samples.Hostile + Samples.Long, AskerName = Samples.Hostile }),
            ["expert-request"] = ExpertRequestCard.Build(Request("How do we target cash transfers to informal workers?")),
            ["expert-request-hostile"] = ExpertRequestCard.Build(Request(Samples.Hostile + Samples.Long) with { ThreadLink = null }),
            ["answer"] = AnswerCard.Build(new AnswerView("Amara", "Use the social registry, then top up by mobile money.", "How do we target cash transfers?")),
            ["answer-long"] = AnswerCard.Build(new AnswerView(Samples.Hostile, Samples.Long, Samples.Long)),
            ["expert-done-answered"] = ExpertDoneCard.Answered("How do we target cash transfers?"),
            ["expert-done-declined"] = ExpertDoneCard.Declined("How do we target cash transfers?"),
            ["expert-done-closed"] = ExpertDoneCard.Closed(Samples.Hostile),
            ["query-form"] = QueryFormCard.Build(),
            ["query-form-error"] = QueryFormCard.Build("Write your question first."),
            ["query-ack-urgent"] = QueryAckCard.Build(Ack() with { IsUrgent = true }),
        });
    }

    [Fact]
    public void QueryAckCard_Open_OffersMarkAnsweredCarryingTheRequestId()
    {
        var action = Assert.IsType<ExecuteAction>(Assert.Single(QueryAckCard.Build(Ack(answers: 0)).Actions!));

        Assert.Equal(QueryVerbs.Close, action.Verb);
        Assert.Equal("q-0123456789abcdef", action.Data![QueryCardKeys.RequestId]);
        Assert.Null(QueryAckCard.Build(Ack(closed: true, answers: 0)).Actions);
    }

    [Fact]
    public void QueryAckCard_WithAnswers_OffersSynthesizeAlsoOnceClosed()
    {
        var open = QueryAckCard.Build(Ack()).Actions!.Cast<ExecuteAction>().ToList();
        var closed = Assert.IsType<ExecuteAction>(Assert.Single(QueryAckCard.Build(Ack(closed: true)).Actions!));

        Assert.Equal([QueryVerbs.Close, SynthesisVerbs.Start], open.Select(a => a.Verb));
        Assert.Equal(SynthesisVerbs.Start, closed.Verb);
        Assert.Equal("q-0123456789abcdef", closed.Data![SynthesisCardKeys.RequestId]);
    }

    [Fact]
    public void ExpertRequestCard_Build_AnswerDeclineReferAndNotMyAreaWithinTheActionLimit()
    {
        var card = ExpertRequestCard.Build(Request("Q?"));

        var answerInput = Assert.Single(card.Body!.OfType<TextInput>());
        Assert.Equal(QueryCardKeys.Answer, answerInput.Id);
        Assert.NotEqual(true, answerInput.IsRequired);
        var executes = card.Actions!.OfType<ExecuteAction>().ToList();
        Assert.Equal([QueryVerbs.Answer, QueryVerbs.NotMyArea], executes.Select(e => e.Verb));
        var panels = card.Actions!.OfType<ShowCardAction>().ToDictionary(a => a.Title, a => a.Card);
        var decline = panels["Decline"].Actions!.OfType<ExecuteAction>().Single();
        Assert.Equal(QueryVerbs.Decline, decline.Verb);
        Assert.Null(decline.AssociatedInputs);
        Assert.Equal(QueryCardKeys.DeclineReason, Assert.Single(panels["Decline"].Body!.OfType<TextInput>()).Id);
        Assert.Equal(QueryVerbs.Refer, panels["Refer someone"].Actions!.OfType<ExecuteAction>().Single().Verb);
        Assert.Equal(QueryCardKeys.Referral, Assert.Single(panels["Refer someone"].Body!.OfType<TextInput>()).Id);
        Assert.True(card.Actions!.Count <= CardLimits.MaxActions);
    }

    [Fact]
    public void AnswerCard_Build_CreditsTheExpertByName()
    {
        var texts = AnswerCard.Build(new AnswerView("Amara", "Use the registry.", "Q?")).Body!.OfType<TextBlock>().Select(t => t.Text).ToList();

        Assert.Equal("Answer from Amara", texts[0]);
        Assert.Contains("Use the registry.", texts);
    }
}
