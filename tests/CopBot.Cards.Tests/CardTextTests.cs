namespace CopBot.Cards.Tests;

public sealed class CardTextTests
{
    [Theory]
    [InlineData("How do I use Bicep modules?")]
    [InlineData("C# vs F#: which is > for scripting? x-y, 1.5 GB, (see notes)")]
    [InlineData("rename my_var_name to snake_case_2")]
    [InlineData("Grüße 🙂 日本語")]
    public void Escape_PlainText_ReturnsItUnchanged(string text)
    {
        Assert.Equal(text, CardText.Escape(text));
    }

    [Theory]
    [InlineData("[click](https://evil.example)", "［click］(https://evil.example)")]
    [InlineData("![pixel](https://evil.example/p.png)", "!［pixel］(https://evil.example/p.png)")]
    [InlineData("<at>Everyone</at>", "＜at>Everyone＜/at>")]
    [InlineData("<https://evil.example>", "＜https://evil.example>")]
    [InlineData("<script>x</script>", "＜script>x＜/script>")]
    public void Escape_LinksImagesMentionsAndTags_CannotForm(string text, string expected)
    {
        Assert.Equal(expected, CardText.Escape(text));
    }

    [Theory]
    [InlineData("**bold**", "∗∗bold∗∗")]
    [InlineData("*italic*", "∗italic∗")]
    [InlineData("_italic_", "＿italic＿")]
    [InlineData("__bold__ word", "＿＿bold＿＿ word")]
    [InlineData("~~struck~~", "∼∼struck∼∼")]
    public void Escape_Emphasis_CannotForm(string text, string expected)
    {
        Assert.Equal(expected, CardText.Escape(text));
    }

    [Fact]
    public void Escape_LineStartMarkers_CannotFormHeadingsQuotesListsOrRules()
    {
        var text = "intro\n# heading\n> quote\n- dash\n+ plus\n1. first\n22) second\n  - indented\n===";

        var escaped = CardText.Escape(text);

        Assert.Equal("intro\n＃ heading\n＞ quote\n‐ dash\n＋ plus\n1․ first\n22） second\n  ‐ indented\n＝==", escaped);
    }

    [Theory]
    [InlineData("1.5 GB is the limit")]
    [InlineData("2024 was busy")]
    [InlineData("3)x")]
    public void Escape_NumberAtLineStartThatIsNoListMarker_KeepsIt(string text)
    {
        Assert.Equal(text, CardText.Escape(text));
    }

    [Fact]
    public void Escape_BidiOverridesAndControlCharacters_RemovesThem()
    {
        Assert.Equal("invoice_fdp.exe ok", CardText.Escape("invoice_\u202Efdp.exe\u202C\u0007 ok\u0000"));
    }

    [Fact]
    public void Escape_CarriageReturnsAndBlankLineRuns_NormalisesThem()
    {
        Assert.Equal("a\n\nb\nc", CardText.Escape("  a\r\n\r\n\r\n\r\n\n\nb\rc  "));
    }

    [Fact]
    public void Escape_LongText_TruncatesToMaxLengthWithEllipsis()
    {
        var escaped = CardText.Escape(new string('a', 5000), maxLength: 100);

        Assert.Equal(100, escaped.Length);
        Assert.EndsWith(CardText.Ellipsis, escaped);
    }

    [Fact]
    public void Escape_TruncationInsideSurrogatePair_KeepsThePairWhole()
    {
        var escaped = CardText.Escape("ab🙂cd", maxLength: 4);

        Assert.Equal("ab…", escaped);
    }

    [Fact]
    public void Escape_TextAtMaxLength_IsNotTruncated()
    {
        Assert.Equal("abcd", CardText.Escape("abcd", maxLength: 4));
    }

    [Fact]
    public void Escape_DefaultMaxLength_Applies()
    {
        Assert.Equal(CardText.DefaultMaxLength, CardText.Escape(new string('x', 10_000)).Length);
    }

    [Fact]
    public void Escape_EscapedText_IsUnchangedBySecondPass()
    {
        var once = CardText.Escape(Samples.Hostile);

        Assert.Equal(once, CardText.Escape(once));
    }

    [Fact]
    public void Escape_HostileSample_LeavesNoMarkupCharacters()
    {
        var escaped = CardText.Escape(Samples.Hostile);

        Assert.DoesNotContain('[', escaped);
        Assert.DoesNotContain('<', escaped);
        Assert.DoesNotContain('*', escaped);
        Assert.DoesNotContain('~', escaped);
        Assert.DoesNotContain('\u202E', escaped);
        Assert.All(escaped.Split('\n'), line => Assert.DoesNotMatch(@"^\s*([#>+\-=]|\d+[.)]\s)", line));
    }

    [Fact]
    public void Escape_WhitespaceOnly_ReturnsEmpty()
    {
        Assert.Equal(string.Empty, CardText.Escape(" \r\n\t "));
    }

    [Fact]
    public void Escape_InvalidArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>(() => CardText.Escape(null!));
        Assert.Throws<ArgumentOutOfRangeException>(() => CardText.Escape("a", maxLength: 0));
    }
}
