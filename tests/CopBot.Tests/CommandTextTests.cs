using CopBot.Turns;

namespace CopBot.Tests;

public sealed class CommandTextTests
{
    [Theory]
    [InlineData("query How do we target?", "query", "How do we target?")]
    [InlineData("  QUERY   spaced out  ", "query", "spaced out")]
    [InlineData("help", "help", "")]
    [InlineData("discuss\nmulti\nline", "discuss", "multi\nline")]
    [InlineData("", "", "")]
    [InlineData(null, "", "")]
    public void Parse_Text_SplitsLowerCasedCommandFromArgument(string? text, string command, string argument)
    {
        var parsed = CommandText.Parse(text);

        Assert.Equal(command, parsed.Command);
        Assert.Equal(argument, parsed.Argument);
    }
}
