using System.Globalization;

namespace CopBot.Cards.Tests;

public class SynthesisCardsTests
{
    private static SynthesisCommonView Common(int contributors, int points) => new(
        "q-0123456789abcdef",
        "query",
        "How do we keep village fire brigade volunteers engaged? " + Samples.Hostile,
        [new SynthesisPointView("https://example.org/stipends", "Kalani")],
        [.. Enumerable.Range(1, points).Select(i => new SynthesisPointView($"However, view {i} differs: " + Samples.Hostile, "Omar"))],
        [.. Enumerable.Range(1, points).Select(i => new SynthesisPointView($"Has anyone tried insurance {i}?", "Ana"))],
        [.. Enumerable.Range(1, contributors).Select(i => $"Contributor number {i.ToString(CultureInfo.InvariantCulture)} (Organisation {i % 40})")],
        [new Fact("Contributions", "500"), new Fact("People", "480"), new Fact("Organisations", "40"), new Fact("Time to first answer", "3 h 0 min")]);

    private static ConsolidatedReplyView Reply(int contributors, int pointsPerTheme) => new(
        Common(contributors, 5),
        "Amara",
        "Stipends and recognition keep brigades active. " + Samples.Long,
        [.. Enumerable.Range(1, 4).Select(t => new SynthesisThemeView($"Theme {t}", [.. Enumerable.Range(1, pointsPerTheme).Select(p => $"Point {p} of theme {t}: " + new string('x', 550))]))],
        ["Budget stipends for the next season.", "Hold a ceremony after the season."]);

    /// <summary>This file's cards in the catalog (parser check, size check, gallery): small and largest, every page.</summary>
    internal static IReadOnlyList<CardFixture> Fixtures
    {
        get
        {
            var large = Reply(contributors: 500, pointsPerTheme: 10);
            var cards = new List<(string, string, AdaptiveCard)>
            {
                ("synthesis-draft", "SynthesisDraftCard.Build", SynthesisDraftCard.Build(new SynthesisDraftView(Common(4, 2), 1, "Stipends help.", "Stipends\n- Pay a stipend (Kalani, Ana)", "Budget stipends", "extractive"))),
                ("synthesis-draft-large", "SynthesisDraftCard.Build", SynthesisDraftCard.Build(new SynthesisDraftView(Common(500, 5), 3, Samples.Long, new string('k', 9000), new string('n', 4000), "llm"))),
                ("synthesis-reply-summary", "ConsolidatedReplyCard.Summary", ConsolidatedReplyCard.Summary(Reply(4, 2))),
                ("synthesis-reply-large-summary", "ConsolidatedReplyCard.Summary", ConsolidatedReplyCard.Summary(large)),
            };
            for (var page = 1; page <= ConsolidatedReplyCard.PageCount(large); page++)
            {
                cards.Add(($"synthesis-reply-large-page-{page}", "ConsolidatedReplyCard.Page", ConsolidatedReplyCard.Page(large, page)));
            }

            return CardCatalog.From([.. cards]);
        }
    }

    [Fact]
    public void SynthesisCards_SmallAndLarge_ValidAndUnderTheSizeLimit()
    {
        var pages = ConsolidatedReplyCard.PageCount(Reply(contributors: 500, pointsPerTheme: 10));

        Assert.True(pages >= 3, $"only {pages} pages for 40 long points and 500 contributors");
        CardAssert.ValidFixtures(Fixtures);
    }

    [Fact]
    public void ConsolidatedReplyCard_Pages_EveryPointAndContributorOnSomePageWithNavigation()
    {
        var large = Reply(contributors: 500, pointsPerTheme: 10);
        var pages = Enumerable.Range(1, ConsolidatedReplyCard.PageCount(large)).Select(p => CardJson.Serialize(ConsolidatedReplyCard.Page(large, p))).ToList();

        Assert.All(large.Themes.SelectMany(t => t.Points), p => Assert.Contains(pages, page => page.Contains(p[..20], StringComparison.Ordinal)));
        Assert.Contains(pages, page => page.Contains("Contributor number 500", StringComparison.Ordinal));
        Assert.DoesNotContain("\"Previous\"", pages[0], StringComparison.Ordinal);
        Assert.Contains("\"Next\"", pages[0], StringComparison.Ordinal);
        Assert.DoesNotContain("\"Next\"", pages[^1], StringComparison.Ordinal);
        Assert.Contains("\"Summary\"", pages[^1], StringComparison.Ordinal);
        Assert.Contains("Synopsis", CardJson.Serialize(ConsolidatedReplyCard.Page(large, 99)), StringComparison.Ordinal);
    }

    [Fact]
    public void SynthesisDraftCard_HostileText_EscapedOutsideInputs()
    {
        var card = CardJson.Serialize(SynthesisDraftCard.Build(new SynthesisDraftView(Common(2, 1), 1, "s", "k", "n", "extractive")));

        Assert.DoesNotContain("<at>", card, StringComparison.Ordinal);
        Assert.Contains("\"verb\":\"synthesis.publish\"", card, StringComparison.Ordinal);
    }
}
