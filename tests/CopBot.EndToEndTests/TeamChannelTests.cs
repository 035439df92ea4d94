using Azure.Data.Tables;
using CopBot.EndToEndTests.Support;
using CopBot.Storage;
using CopBot.Testing;

namespace CopBot.EndToEndTests;

/// <summary>CopBot in the General channel of the mock team, through the real Agents Playground.</summary>
[Collection(AzuriteFixture.Collection)]
public sealed class TeamChannelTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Send_ChannelMessageMentioningBot_ReplyInSameThreadAsValidCard()
    {
        await using var e2e = await EndToEndHarness.StartAsync(azurite);
        var channel = e2e.Tenant.TeamId;

        var sent = await e2e.SendAsync(channel, "help", mentionBot: true);

        var thread = $"{channel};messageid={sent.MessageId}";
        Assert.Equal(thread, sent.PostConversationId);
        var reply = await e2e.WaitForBotMessageAsync(m => m.Cards.Count > 0);
        Assert.Equal(thread, reply.ConversationId);
        Assert.Null(reply.PostConversationId);
        var card = Assert.Single(reply.Cards);
        Assert.Equal("CopBot commands", CardAssert.Texts(card)[0]);
        CardAssert.Valid(card, "help in thread");
    }

    [Fact]
    public async Task Install_TeamChannel_WelcomeCardAndConversationStored()
    {
        await using var e2e = await EndToEndHarness.StartAsync(azurite);
        var channel = e2e.Tenant.TeamId;

        await e2e.InstallAsync(channel);

        var welcome = await e2e.WaitForBotMessageAsync(m => m.ConversationId == channel && m.Cards.Count > 0);
        // A bot post to the channel itself starts a new thread.
        Assert.StartsWith(channel + ";messageid=", welcome.PostConversationId, StringComparison.Ordinal);
        var card = Assert.Single(welcome.Cards);
        Assert.Equal($"Thanks for adding CopBot to {e2e.Tenant.TeamName}", CardAssert.Texts(card)[0]);
        CardAssert.Valid(card, "team welcome");

        // The contact is recorded before the welcome is sent, so it is there by now.
        var table = new TableClient(azurite.ConnectionString, e2e.Bot.TablePrefix + "Conversations");
        var row = (await table.GetEntityIfExistsAsync<TableEntity>(KeyEncoder.Encode(channel), "conversation")).Value;
        Assert.NotNull(row);
        Assert.Equal("channel", row.GetString("ConversationType"));
        Assert.Equal(e2e.Tenant.TeamId, row.GetString("TeamId"));
        Assert.Equal(e2e.Tenant.TeamName, row.GetString("TeamName"));
        Assert.Equal(e2e.Tenant.TenantId, row.GetString("TenantId"));
        Assert.Equal(e2e.Playground.ServiceUrl, row.GetString("ServiceUrl"));
        Assert.Equal(e2e.Tenant.BotId, row.GetString("BotId"));
    }
}
