using System.Text.Json;
using CopBot.Protocol;

namespace CopBot.Protocol.Tests;

public class ConversationParametersTests
{
    [Fact]
    public void ForPersonalChat_BotUserTenant_WritesTeamsOneToOneShape()
    {
        var bot = new ChannelAccount { Id = "28:bot-app-id", Name = "CopBot" };
        var user = new ChannelAccount { Id = "29:1GcS4EN9ej", Name = "Ada", AadObjectId = "3f6c9b1e" };

        var parameters = ConversationParameters.ForPersonalChat(bot, user, "tenant-1");
        var json = JsonSerializer.Serialize(parameters, ProtocolJson.Options);

        JsonAssert.Equivalent(
            """
            {"isGroup":false,"bot":{"id":"28:bot-app-id","name":"CopBot"},"members":[{"id":"29:1GcS4EN9ej"}],
             "tenantId":"tenant-1","channelData":{"tenant":{"id":"tenant-1"}}}
            """,
            json);
    }

    [Fact]
    public void ForPersonalChat_NoTenant_Throws()
    {
        Assert.Throws<ArgumentException>(() => ConversationParameters.ForPersonalChat(new ChannelAccount(), new ChannelAccount(), ""));
    }
}
