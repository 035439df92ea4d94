namespace CopBot.Community.Tests.Synthesis;

public class SentenceSplitterTests
{
    [Fact]
    public void Split_PlainSentences_OnePerSentence()
    {
        var sentences = SentenceSplitter.Split("Use a starter. It helps! Does it work? Yes.");

        Assert.Equal(["Use a starter.", "It helps!", "Does it work?", "Yes."], sentences);
    }

    [Fact]
    public void Split_UrlsDecimalsAbbreviationsAndInitials_NotBroken()
    {
        var sentences = SentenceSplitter.Split("See https://example.org/a.b?x=1. Pitch 1.5 g, e.g. US-05 from J. Smith. Done");

        Assert.Equal(["See https://example.org/a.b?x=1.", "Pitch 1.5 g, e.g. US-05 from J. Smith.", "Done"], sentences);
    }

    [Fact]
    public void Split_LineBreaksAndLowerCaseAfterDot_SplitOnlyAtBreaks()
    {
        var sentences = SentenceSplitter.Split("first line without a stop\nversion 2. then lower case\n\n  ");

        Assert.Equal(["first line without a stop", "version 2. then lower case"], sentences);
    }

    [Fact]
    public void Split_Empty_Nothing() => Assert.Empty(SentenceSplitter.Split("  "));
}
