using CopBot.Community;
using CopBot.Turns;
using CsCheck;

namespace CopBot.Tests.Fuzzing;

/// <summary>The chat command parser and the query text parser on hostile text: total, bounded, and consistent.</summary>
public sealed class CommandParserFuzzTests
{
    [Fact]
    public void CommandText_AnyText_FirstWordLowerCasedWithoutWhitespaceAndArgumentTrimmed() =>
        FuzzInput.Text.Sample(text =>
        {
            var parsed = CommandText.Parse(text);

            Assert.DoesNotContain(parsed.Command, char.IsWhiteSpace);
            Assert.Equal(parsed.Command.ToLowerInvariant(), parsed.Command);
            Assert.Equal(parsed.Argument.Trim(), parsed.Argument);
            Assert.True(parsed.Command.Length + parsed.Argument.Length <= text.Length);
        }, iter: 5000, threads: 1);

    [Fact]
    public void CommandText_WordAndArgument_RoundTrips() =>
        Gen.Select(Gen.Char["abcdefghijklmnopqrstuvwxyz"].Array[1, 12].Select(letters => new string(letters)), FuzzInput.Text).Sample((word, argument) =>
        {
            var parsed = CommandText.Parse(word + " " + argument);

            Assert.Equal(word, parsed.Command);
            Assert.Equal(argument.Trim(), parsed.Argument);
        }, iter: 3000, threads: 1);

    [Fact]
    public void QueryText_AnyText_QuestionAndTagsStayWithinLimits() =>
        FuzzInput.Text.Sample(text =>
        {
            var query = QueryText.Parse(text).WithTopics(text);

            Assert.True(query.Question.Length <= QueryText.MaxQuestionLength);
            Assert.True(query.Tags.Count <= QueryText.MaxTags);
            Assert.All(query.Tags, tag => Assert.InRange(tag.Length, 1, ProfileLimits.MaxTagLength));
            Assert.Equal(query.Tags.Count, query.Tags.Distinct(StringComparer.Ordinal).Count());
        }, iter: 5000, threads: 1);
}
