namespace CopBot.Cards.Tests;

public sealed class KnowledgeCardsTests
{
    private static readonly DateTimeOffset At = new(2025, 3, 3, 9, 0, 0, TimeSpan.Zero);

    private static KnowledgeHitView Hit(string title, Uri? link = null) => new(
        "Answered query", title, "Use mobile money and the social registry; start with a pilot.", ["Amara", "Tomás"], At,
        link ?? new Uri("https://teams.microsoft.com/l/message/19%3Aabc%40thread.tacv2/1741684467331?parentMessageId=1741684467331"));

    [Fact]
    public void Builders_RealisticHostileAndLongInput_PassOfficialParserWithinSizeLimit()
    {
        var many = Enumerable.Range(1, 8).Select(i => Hit($"Question {i} " + Samples.Long) with { Snippet = Samples.Long, Contributors = [.. Enumerable.Repeat(Samples.Hostile, 9)] }).ToList();
        CardAssert.ValidFixtures(new Dictionary<string, AdaptiveCard>
        {
            ["search-results"] = SearchResultsCard.Build("cash transfers", [Hit("How do we target cash transfers?"), Hit("Mobile money in remote areas") with { Link = null, Kind = "Consolidated reply" }]),
            ["search-results-hostile"] = SearchResultsCard.Build(Samples.Hostile, many),
            ["search-results-none"] = SearchResultsCard.Build(Samples.Hostile, []),
            ["duplicate-offer"] = DuplicateOfferCard.Build(new DuplicateOfferView("q-0123456789abcdef", "How can we target cash transfers?", [Hit("How do we target cash transfers?")])),
            ["duplicate-offer-hostile"] = DuplicateOfferCard.Build(new DuplicateOfferView("q-0123456789abcdef", Samples.Hostile + Samples.Long, many)),
            ["duplicate-accepted"] = DuplicateOfferCard.Settled(Samples.Hostile, answeredByKnowledgeBase: true),
            ["duplicate-rejected"] = DuplicateOfferCard.Settled("How can we target cash transfers?", answeredByKnowledgeBase: false),
            ["stats"] = StatsCard.Build(new StatsView("default", "1 Mar 2025 – 31 Mar 2025", [new("Members", "12 (9 with expertise)"), new("Answer rate", "67% (2 of 3)")], ["Amara: 2 answers"], ["#fire-management: 1 of 1 unanswered"])),
            ["stats-hostile"] = StatsCard.Build(new StatsView(Samples.Hostile, Samples.Hostile, [new(Samples.Hostile, Samples.Long)], [.. Enumerable.Repeat(Samples.Hostile + Samples.Long, 20)], [])),
        });
    }

    [Fact]
    public void SearchResultsCard_MoreHitsThanShown_ShowsFiveWithOneOpenButtonEach()
    {
        var hits = Enumerable.Range(1, 8).Select(i => Hit($"Question {i}")).ToList();

        var card = SearchResultsCard.Build("cash", hits);

        Assert.Equal(1 + KnowledgeCardKeys.MaxHits, card.Body!.Count);
        Assert.Equal(KnowledgeCardKeys.MaxHits, card.Actions!.OfType<OpenUrlAction>().Count());
    }

    [Fact]
    public void DuplicateOfferCard_Actions_CarryTheOfferId()
    {
        var card = DuplicateOfferCard.Build(new DuplicateOfferView("q-42", "Q?", [Hit("T")]));

        var verbs = card.Actions!.OfType<ExecuteAction>().ToList();
        Assert.Equal([KnowledgeCardKeys.DuplicateAccept, KnowledgeCardKeys.DuplicateReject], verbs.Select(v => v.Verb));
        Assert.All(verbs, v => Assert.Equal("q-42", v.Data![KnowledgeCardKeys.OfferId]));
    }
}
