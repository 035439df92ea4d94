using System.Text.Json;
using CopBot.Protocol;

namespace CopBot.Protocol.Tests;

public class EntityTests
{
    [Fact]
    public void Mention_Account_WritesTeamsMentionShape()
    {
        var mention = Entity.Mention(new ChannelAccount { Id = "29:ada", Name = "Ada", AadObjectId = "not-sent" });

        var json = JsonSerializer.Serialize(mention, ProtocolJson.Options);

        JsonAssert.Equivalent("""{"type":"mention","mentioned":{"id":"29:ada","name":"Ada"},"text":"<at>Ada</at>"}""", json);
    }

    [Fact]
    public void IsMention_ClientInfo_IsFalse()
    {
        var entity = JsonSerializer.Deserialize<Entity>("""{"type":"clientInfo","locale":"en-US"}""", ProtocolJson.Options)!;

        Assert.False(entity.IsMention);
        Assert.Equal("en-US", entity.Extra!["locale"].GetString());
    }
}
