namespace CopBot.Cards.Tests;

public sealed class QueryCardsTests
{
    [Fact]
    public void QueryAckCard_Open_OffersMarkAnsweredCarryingTheRequestId()
    {
        var action = Assert.IsType<ExecuteAction>(Assert.Single(QueryAckCard.Build(Samples.QueryAck(answers: 0)).Actions!));

        Assert.Equal(QueryVerbs.Close, action.Verb);
        Assert.Equal("q-0123456789abcdef", action.Data![QueryCardKeys.RequestId]);
        Assert.Null(QueryAckCard.Build(Samples.QueryAck(closed: true, answers: 0)).Actions);
    }

    [Fact]
    public void QueryAckCard_WithAnswers_OffersSynthesizeAlsoOnceClosed()
    {
        var open = QueryAckCard.Build(Samples.QueryAck()).Actions!.Cast<ExecuteAction>().ToList();
        var closed = Assert.IsType<ExecuteAction>(Assert.Single(QueryAckCard.Build(Samples.QueryAck(closed: true)).Actions!));

        Assert.Equal([QueryVerbs.Close, SynthesisVerbs.Start], open.Select(a => a.Verb));
        Assert.Equal(SynthesisVerbs.Start, closed.Verb);
        Assert.Equal("q-0123456789abcdef", closed.Data![SynthesisCardKeys.RequestId]);
    }

    [Fact]
    public void ExpertRequestCard_Build_AnswerDeclineReferAndNotMyAreaWithinTheActionLimit()
    {
        var card = ExpertRequestCard.Build(Samples.ExpertRequest("Q?"));

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
