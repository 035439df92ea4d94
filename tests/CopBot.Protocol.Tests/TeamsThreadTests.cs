using CopBot.Protocol;

namespace CopBot.Protocol.Tests;

public class TeamsThreadTests
{
    private const string Channel = "19:7b2e4d6f8a0c4e1b9d3f5a7c2e4b6d8f@thread.tacv2";

    [Fact]
    public void ConversationId_ChannelAndRoot_AppendsMessageId()
    {
        Assert.Equal(Channel + ";messageid=1741684467331", TeamsThread.ConversationId(Channel, "1741684467331"));
    }

    [Fact]
    public void ConversationId_AlreadyAThread_ReplacesTheRoot()
    {
        Assert.Equal(Channel + ";messageid=2", TeamsThread.ConversationId(Channel + ";messageid=1", "2"));
    }

    [Fact]
    public void ConversationId_BlankRoot_Throws()
    {
        Assert.Throws<ArgumentException>(() => TeamsThread.ConversationId(Channel, " "));
    }

    [Theory]
    [InlineData(Channel + ";messageid=1741684467331", Channel)]
    [InlineData(Channel, Channel)]
    [InlineData("a:1x8Hq0bWQz3n5", "a:1x8Hq0bWQz3n5")]
    public void RootConversationId_ConversationId_DropsThreadSuffix(string conversationId, string expected)
    {
        Assert.Equal(expected, TeamsThread.RootConversationId(conversationId));
    }

    [Theory]
    [InlineData(Channel + ";messageid=1741684467331", "1741684467331")]
    [InlineData(Channel + ";MessageId=42", "42")]
    [InlineData(Channel, null)]
    [InlineData(Channel + ";messageid=", null)]
    public void RootActivityId_ConversationId_ReturnsRootPostId(string conversationId, string? expected)
    {
        Assert.Equal(expected, TeamsThread.RootActivityId(conversationId));
        Assert.Equal(expected is not null, TeamsThread.IsThread(conversationId));
    }
}
