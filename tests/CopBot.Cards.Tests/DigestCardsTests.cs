namespace CopBot.Cards.Tests;

/// <summary>The community digest and the facilitators' knowledge-gap notice.</summary>
public class DigestCardsTests
{
    private static readonly Uri Thread = new("https://teams.microsoft.com/l/message/19%3Aabc%40thread.tacv2/1741?parentMessageId=1741");

    private static DigestView Week => new(
        "default",
        "2 Mar 2026 09:00 – 9 Mar 2026 09:00 UTC",
        [new DigestLine("Keeping village fire brigades engaged", "consolidated reply crediting Kalani Makoa Reyes, Sebastián Ortega Nakamura", Thread)],
        [
            new DigestLine("Which lattice QCD solvers scale on exascale GPUs?", "query by Ada Lovelace, 4 Mar: no answer yet", Thread),
            new DigestLine("Draft M&E framework for the nutrition programme", "consult by Priya, 3 Mar: 0 of 3 reviews", null),
        ],
        ["Bo Lindgren"],
        ["Zeynep Karaca (#glacial-lakes)"],
        ["Amara Nwosu-Lindqvist: 3 answers", "Tomás Ferreira Quispe: 1 answer"]);

    private static DigestView Hostile => new(
        Samples.Hostile,
        Samples.Hostile,
        [.. Enumerable.Range(1, 30).Select(i => new DigestLine(Samples.Hostile + Samples.Long, Samples.Hostile + Samples.Long, new Uri("https://teams.microsoft.com/l/message/x(y)/1?a=" + i)))],
        [.. Enumerable.Range(1, 30).Select(i => new DigestLine(Samples.Hostile + Samples.Long, Samples.Hostile + Samples.Long, new Uri("javascript:alert(1)")))],
        [.. Enumerable.Repeat(Samples.Hostile + Samples.Long, 60)],
        [.. Enumerable.Repeat(Samples.Hostile + Samples.Long, 60)],
        [.. Enumerable.Repeat(Samples.Hostile + Samples.Long, 30)]);

    private static GapNoticeView Gap => new(
        "Which outburst early-warning sirens survive avalanches?", "Ada Lovelace", ["glacial-lakes", "early-warning"], Thread,
        [new KnowsLine("early-warning", 2, ["Olumide Adeyemi-Brandt", "Hanne Vestergaard Mutua"])]);

    internal static IReadOnlyList<CardFixture> Fixtures => CardCatalog.From(
        ("digest", "DigestCard.Build", DigestCard.Build(Week)),
        ("digest-preview-quiet", "DigestCard.Build", DigestCard.Build(new DigestView("default", "9 Mar 2026 09:00 – 10 Mar 2026 14:00 UTC", [], [], [], [], []) { IsPreview = true })),
        ("digest-hostile", "DigestCard.Build", DigestCard.Build(Hostile)),
        ("gap-notice", "GapNoticeCard.Build", GapNoticeCard.Build(Gap)),
        ("gap-notice-no-hint", "GapNoticeCard.Build", GapNoticeCard.Build(Gap with { Topics = [], ThreadLink = null, Hints = [] })),
        ("gap-notice-hostile", "GapNoticeCard.Build", GapNoticeCard.Build(new GapNoticeView(Samples.Hostile + Samples.Long, Samples.Hostile, [.. Enumerable.Repeat(Samples.Hostile, 20)], Thread,
            [.. Enumerable.Range(1, 20).Select(i => new KnowsLine(Samples.Hostile + i, i, [.. Enumerable.Repeat(Samples.Hostile + Samples.Long, 9)]))]))));

    [Fact]
    public void Builders_RealisticHostileAndLongInput_PassOfficialParserWithinSizeLimit()
    {
        CardAssert.ValidFixtures(Fixtures);
    }

    [Fact]
    public void DigestCard_Links_OnlyHttpsThreadLinksAndNoUserTextCanFormOne()
    {
        var json = CardJson.Serialize(DigestCard.Build(Hostile));

        Assert.DoesNotContain("javascript:", json, StringComparison.Ordinal);
        Assert.Contains("(https://teams.microsoft.com/l/message/x%28y%29/1?a=1)", json, StringComparison.Ordinal);
        Assert.DoesNotContain("[Click here", json, StringComparison.Ordinal);
    }

    [Fact]
    public void DigestCard_LongSections_CappedWithACountOfTheRest()
    {
        var card = DigestCard.Build(Hostile);
        var texts = card.Body!.OfType<TextBlock>().Select(t => t.Text).ToList();

        Assert.Contains(texts, t => t.EndsWith($"… and {30 - DigestCard.MaxLines} more", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.EndsWith($" and {60 - DigestCard.MaxNames} more", StringComparison.Ordinal));
        Assert.True(CardJson.SizeInBytes(card) < CardLimits.MaxBytes);
    }

    [Fact]
    public void DigestCard_Week_SectionsInOrderWithLinkedTitles()
    {
        var texts = DigestCard.Build(Week).Body!.OfType<TextBlock>().Select(t => t.Text).ToList();

        Assert.Equal(
            ["Community digest: default", "New consolidated replies", "Open requests that need your help", "Welcome", "Thank you, top contributors"],
            texts.Where(t => t.StartsWith("Community digest", StringComparison.Ordinal) || t is "New consolidated replies" or "Open requests that need your help" or "Welcome" or "Thank you, top contributors"));
        Assert.Contains($"• [Keeping village fire brigades engaged]({Thread.AbsoluteUri}) · consolidated reply", string.Join("\n", texts), StringComparison.Ordinal);
        Assert.Contains("• Draft M&E framework for the nutrition programme · consult", string.Join("\n", texts), StringComparison.Ordinal);
    }

    [Fact]
    public void GapNoticeCard_WithThread_OneOpenButton()
    {
        var card = GapNoticeCard.Build(Gap);

        var open = Assert.IsType<OpenUrlAction>(Assert.Single(card.Actions!));
        Assert.Equal(Thread, open.Url);
        Assert.Null(GapNoticeCard.Build(Gap with { ThreadLink = null }).Actions);
    }
}
