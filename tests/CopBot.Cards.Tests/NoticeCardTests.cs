namespace CopBot.Cards.Tests;

public sealed class NoticeCardTests
{
    [Theory]
    [InlineData(NoticeKind.Info, ContainerStyle.Emphasis, TextColor.Accent)]
    [InlineData(NoticeKind.Warning, ContainerStyle.Warning, TextColor.Warning)]
    [InlineData(NoticeKind.Error, ContainerStyle.Attention, TextColor.Attention)]
    public void Build_Kind_PicksContainerStyleAndTitleColor(NoticeKind kind, ContainerStyle style, TextColor color)
    {
        var container = Assert.IsType<Container>(Assert.Single(NoticeCard.Build("Title", "Message", kind).Body!));

        Assert.Equal(style, container.Style);
        Assert.Equal(color, Assert.IsType<TextBlock>(container.Items[0]).Color);
        Assert.Equal("Message", Assert.IsType<TextBlock>(container.Items[1]).Text);
    }

    [Fact]
    public void Build_HostileMessage_IsNeutralisedAndTruncated()
    {
        var card = NoticeCard.Build("Oops", Samples.Hostile + Samples.Long, NoticeKind.Error);

        var json = CardJson.Serialize(card);
        Assert.DoesNotContain("](https://evil.example", json);
        Assert.DoesNotContain("<at>", json);
        Assert.DoesNotContain("<script>", json);
        var message = Assert.IsType<TextBlock>(Assert.IsType<Container>(card.Body![0]).Items[1]).Text;
        Assert.Equal(NoticeCard.MaxMessageLength, message.Length);
    }

    [Fact]
    public void Build_BlankTitle_ThrowsArgumentException()
    {
        Assert.ThrowsAny<ArgumentException>(() => NoticeCard.Build(" ", "message", NoticeKind.Info));
    }
}
