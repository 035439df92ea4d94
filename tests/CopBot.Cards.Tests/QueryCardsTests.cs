namespace CopBot.Cards.Tests;

public sealed class QueryCardsTests
{
    private static QueryAckView Rated(params QueryRatingLine[] ratings) => Samples.QueryAck(closed: true, answers: ratings.Length) with { Ratings = ratings };

    /// <summary>The closed query card with its rating buttons, in the catalog (parser check, size check, gallery).</summary>
    internal static IReadOnlyList<CardFixture> Fixtures => CardCatalog.From(
        ("query-ack-closed-rating", "QueryAckCard.Build", QueryAckCard.Build(Rated(
            new QueryRatingLine("29:1amara", "Amara", Helpful: true), new QueryRatingLine("b7e4d2c1-5a6f-4e3d-8c2b-1a0f9e8d7c6b", "Tomás", Helpful: null)))),
        ("query-ack-closed-rating-hostile", "QueryAckCard.Build", QueryAckCard.Build(Rated(
            [.. Enumerable.Range(1, 12).Select(i => new QueryRatingLine(Samples.Hostile + i, Samples.Hostile + Samples.Long, i % 2 == 0 ? false : null))]))));

    [Fact]
    public void Builders_RatingStates_PassOfficialParserWithinSizeLimit()
    {
        CardAssert.ValidFixtures(Fixtures);
    }

    [Fact]
    public void QueryAckCard_ClosedWithAnswers_OffersHelpfulAndNotHelpfulPerAnswerMarkingTheCurrentOne()
    {
        var card = QueryAckCard.Build(Rated(new QueryRatingLine("29:1amara", "Amara", Helpful: true), new QueryRatingLine("29:1tomas", "Tomás", Helpful: null)));

        var sets = card.Body!.OfType<ActionSet>().Select(s => s.Actions.Cast<ExecuteAction>().ToList()).ToList();
        Assert.Equal(2, sets.Count);
        Assert.All(sets.SelectMany(s => s), a => Assert.Equal((QueryVerbs.Rate, "q-0123456789abcdef"), (a.Verb, a.Data![QueryCardKeys.RequestId])));
        Assert.Equal([QueryCardKeys.Helpful, QueryCardKeys.NotHelpful], sets[0].Select(a => a.Data![QueryCardKeys.Rating]));
        Assert.Equal(["29:1amara", "29:1amara"], sets[0].Select(a => a.Data![QueryCardKeys.ExpertId]));
        Assert.Equal([ActionStyle.Positive, null], sets[0].Select(a => a.Style));
        Assert.Equal([null, null], sets[1].Select(a => a.Style));
        Assert.Contains(card.Body!.OfType<TextBlock>(), t => t.Text == "Amara: rated helpful");
        Assert.Contains(card.Body!.OfType<TextBlock>(), t => t.Text == "Tomás: not rated yet");
    }

    [Fact]
    public void QueryAckCard_OpenOrManyAnswers_NoRatingWhileOpenAndAtMostTheCapOnceClosed()
    {
        var lines = Enumerable.Range(1, QueryAckCard.MaxRatedAnswers + 3).Select(i => new QueryRatingLine($"e{i}", $"Expert {i}", null)).ToArray();

        Assert.Empty(QueryAckCard.Build(Rated(lines) with { IsClosed = false }).Body!.OfType<ActionSet>());
        Assert.Equal(QueryAckCard.MaxRatedAnswers, QueryAckCard.Build(Rated(lines)).Body!.OfType<ActionSet>().Count());
    }

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
