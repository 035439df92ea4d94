using CopBot.Community;

namespace CopBot.Community.Tests.Queries;

public sealed class QueryTextTests
{
    [Fact]
    public void Parse_TextWithTags_TakesTagsAsTopicsAndKeepsTheQuestion()
    {
        var parsed = QueryText.Parse("How do we target cash? #Cash-Transfers #targeting #cash-transfers");

        Assert.Equal("How do we target cash? #Cash-Transfers #targeting #cash-transfers", parsed.Question);
        Assert.Equal(["cash-transfers", "targeting"], parsed.Tags);
    }

    [Theory]
    [InlineData("C# and F# questions")]
    [InlineData("issue &#35; html entity")]
    [InlineData("a lone # sign")]
    public void Parse_HashesThatAreNotTags_NoTags(string text)
    {
        Assert.Empty(QueryText.Parse(text).Tags);
    }

    [Fact]
    public void Parse_ManyAndVeryLongTags_BoundedAndShortOnesKept()
    {
        var text = string.Join(' ', Enumerable.Range(0, 30).Select(i => $"#tag{i}")) + " #" + new string('x', 500);

        var parsed = QueryText.Parse(text);

        Assert.Equal(QueryText.MaxTags, parsed.Tags.Count);
        Assert.All(parsed.Tags, t => Assert.True(t.Length <= ProfileLimits.MaxTagLength));
    }

    [Fact]
    public void Parse_VeryLongQuestion_Truncated()
    {
        Assert.Equal(QueryText.MaxQuestionLength, QueryText.Parse(new string('q', 10_000)).Question.Length);
    }

    [Fact]
    public void WithTopics_CommaOrSpaceSeparatedField_MergedWithoutDuplicates()
    {
        var parsed = QueryText.Parse("Brigades? #fire-management").WithTopics("Fire-Management, #forestry  restoration");

        Assert.Equal(["fire-management", "forestry", "restoration"], parsed.Tags);
        Assert.Same(parsed, parsed.WithTopics("  "));
    }
}
