using CopBot.Community;

namespace CopBot.Community.Tests.Routing;

public class TextTokenizerTests
{
    [Fact]
    public void Tokenize_Sentence_LowerCasesDropsStopWordsAndStems() =>
        Assert.Equal(["hop", "differ", "citra"], TextTokenizer.Tokenize("How do the Hops differ from Citra?"));

    [Theory]
    [InlineData("breweries", "brewery")]
    [InlineData("hopped", "hop")]
    [InlineData("brewing", "brew")]
    [InlineData("glass", "glass")]
    [InlineData("ale", "ale")]
    public void Stem_CommonSuffixes_ReducesToSharedStem(string word, string stem) =>
        Assert.Equal(stem, TextTokenizer.Stem(word));

    [Fact]
    public void HashTags_TextWithTagsAndCSharp_ReturnsOnlyWordInitialTags() =>
        Assert.Equal(["social-protection", "hops"], TextTokenizer.HashTags("Is C# used in #Social-Protection? (#hops) #hops."));

    [Fact]
    public void TagTerms_HyphenatedTag_SplitsIntoTerms() =>
        Assert.Equal(["belgian", "beer"], TextTokenizer.TagTerms("belgian-beers"));
}
