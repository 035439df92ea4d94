namespace CopBot.Community.Tests.Knowledge;

public class KnowledgeIndexTests
{
    private static readonly DateTimeOffset At = new(2025, 3, 3, 9, 0, 0, TimeSpan.Zero);

    internal static KnowledgeEntry Entry(string sourceId, string title, string text, params string[] topics) =>
        new("default", KnowledgeKind.AnsweredQuery, sourceId, title, text, topics, [new("29:1ana", "Ana")], null, At);

    private static KnowledgeIndex Library() => KnowledgeIndex.Build("default",
    [
        Entry("q-1", "How do we target cash transfers to informal workers?", "Use social registries and mobile money lists.", "cash-transfers"),
        Entry("q-2", "Prescribed burning with village fire brigades", "Train the brigades before the dry season; burn early.", "fire-management"),
        Entry("q-3", "Which indicators for a nutrition programme?", "Stunting, wasting and minimum dietary diversity.", "monitoring-evaluation"),
        Entry("q-4", "Mobile money for cash transfers in remote areas", "Agents run out of cash; plan liquidity.", "cash-transfers"),
    ]);

    [Fact]
    public void Search_RephrasedQuestion_RanksTheMatchingEntryFirst()
    {
        var hits = Library().Search("targeting informal workers with cash transfer", 3);

        Assert.Equal("AnsweredQuery:q-1", hits[0].Entry.Id);
        Assert.Contains(hits, h => h.Entry.SourceId == "q-4");
        Assert.DoesNotContain(hits, h => h.Entry.SourceId == "q-2");
        Assert.True(hits[0].Score > hits[1].Score);
    }

    [Fact]
    public void Search_StemsAndTopicTerms_MatchLikeTheRouter()
    {
        // "burns" meets "burning" and "fires" meets the fire-management topic through the shared tokenizer.
        var hits = Library().Search("burns and fires", 5);

        Assert.Equal("q-2", Assert.Single(hits).Entry.SourceId);
    }

    [Fact]
    public void Search_SameQuestionAgain_SimilarityHighAndAboveUnrelatedOnes()
    {
        var index = Library();

        var same = index.Search("How do we target cash transfers to informal workers?", 1)[0];
        var loose = index.Search("cash for livestock herders in drought", 1);

        Assert.True(same.Similarity >= 0.8, $"similarity {same.Similarity}");
        Assert.True(loose.Count == 0 || loose[0].Similarity < 0.5, $"similarity {(loose.Count > 0 ? loose[0].Similarity : 0)}");
    }

    [Theory]
    [InlineData("")]
    [InlineData("the and of")]
    [InlineData("quantum chromodynamics")]
    public void Search_NothingToMatch_ReturnsNothing(string text) => Assert.Empty(Library().Search(text, 5));

    [Fact]
    public void With_KnownIdAndOtherCommunity_KeepsTheFirstAndIgnoresTheOther()
    {
        var index = Library();
        var again = Entry("q-1", "Completely different title", "other text");
        var elsewhere = Entry("q-9", "Prescribed burning", "x") with { Community = "other" };

        var next = index.With([again, elsewhere]);

        Assert.Equal(4, next.Count);
        Assert.Equal("How do we target cash transfers to informal workers?", next.Entries.Single(e => e.SourceId == "q-1").Title);
        Assert.Equal(4, index.Count);
    }

    [Fact]
    public void KnowledgeIndexSet_ApplyBeforeLoad_IsIgnoredThenLoadMergesWithoutLosingAdds()
    {
        var set = new KnowledgeIndexSet();
        set.Apply(Entry("q-1", "Cash transfers", "x"));
        Assert.Null(set.Find("default"));

        set.Load("default", [Entry("q-2", "Fire brigades", "y")]);
        set.Apply(Entry("q-3", "Nutrition indicators", "z"));
        set.Load("default", [Entry("q-2", "Fire brigades", "y")]);

        Assert.Equal(["q-2", "q-3"], set.Find("default")!.Entries.Select(e => e.SourceId).Order());
    }

    [Theory]
    [InlineData("", "t")]
    [InlineData("q-1", "")]
    [InlineData("q-1", "   ")]
    public void Validate_MissingSourceOrTitle_ThrowsNamingTheField(string sourceId, string title)
    {
        var entry = Entry(sourceId, title, "text");

        var error = Assert.Throws<ArgumentException>(entry.Validate);

        Assert.Equal(sourceId.Length == 0 ? "SourceId" : "Title", error.ParamName);
    }

    [Fact]
    public void Validate_TextTooLong_Throws() =>
        Assert.Throws<ArgumentException>(Entry("q-1", "t", new string('a', KnowledgeEntry.MaxTextLength + 1)).Validate);
}

public class KnowledgeSnippetTests
{
    [Fact]
    public void Best_SentenceWithMostQueryTerms_IsChosenWithEllipsis()
    {
        var text = "Thanks for asking. Registries help. Mobile money agents run out of cash in remote areas. Plan liquidity.";

        var snippet = KnowledgeSnippet.Best(text, "mobile money in remote villages", 60);

        Assert.StartsWith("… Mobile money agents run out of cash in remote areas.", snippet, StringComparison.Ordinal);
        Assert.True(snippet.Length <= 62, snippet);
    }

    [Fact]
    public void Best_NoTermMatches_StartsAtTheOpening() =>
        Assert.Equal("First. Second.", KnowledgeSnippet.Best("First. Second.", "unrelated", 100));

    [Fact]
    public void Best_LongSentence_IsCut() =>
        Assert.Equal(20, KnowledgeSnippet.Best(new string('a', 500), "a", 20).Length);
}
