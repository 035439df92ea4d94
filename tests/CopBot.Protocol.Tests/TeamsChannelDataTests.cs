using CopBot.Protocol;

namespace CopBot.Protocol.Tests;

public class TeamsChannelDataTests
{
    [Fact]
    public void ToJsonElement_Notification_WritesOnlySetFields()
    {
        var channelData = new TeamsChannelData { Notification = new NotificationInfo { Alert = true } };

        JsonAssert.Equivalent("""{"notification":{"alert":true}}""", channelData.ToJsonElement().GetRawText());
        Assert.DoesNotContain("tenant", channelData.ToJsonElement().GetRawText(), StringComparison.Ordinal);
    }
}
