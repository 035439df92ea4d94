namespace CopBot.Community.Tests.Synthesis;

public class LinkExtractorTests
{
    [Fact]
    public void Find_LinksInText_TrimmedDistinctAndWwwCompleted()
    {
        var links = LinkExtractor.Find("Read https://example.org/guide. Also (www.fao.org/x), https://example.org/guide again, mail a@www.b.c");

        Assert.Equal(["https://example.org/guide", "https://www.fao.org/x"], links);
    }

    [Fact]
    public void Find_NoHostDot_Ignored() => Assert.Empty(LinkExtractor.Find("http://localhost and https:// alone"));
}
