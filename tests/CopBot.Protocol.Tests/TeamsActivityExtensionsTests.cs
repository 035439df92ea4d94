using System.Text.Json;
using CopBot.Protocol;

namespace CopBot.Protocol.Tests;

public class TeamsActivityExtensionsTests
{
    private const string BotId = "28:b5d2f0e4-8c1a-4f3b-9e6d-7a2c1b0f9e8d";
    private const string TenantId = "6e3a9f1c-2b47-4d8a-9c5e-0f1d2a3b4c5d";
    private const string TeamId = "19:0f5c1e9ab44d4f0c9a3b2d7e6c8f1a23@thread.tacv2";
    private const string ChannelId = "19:7b2e4d6f8a0c4e1b9d3f5a7c2e4b6d8f@thread.tacv2";

    [Fact]
    public void StripBotMention_ChannelMessage_RemovesBotAndKeepsOtherMentions()
    {
        var activity = Payload.Parse(Payload.ChannelMention);

        Assert.Equal("ask How should we size Kafka partitions? cc <at>Grace Hopper</at>", activity.StripBotMention());
    }

    [Fact]
    public void StripBotMention_PersonalMessage_ReturnsTextUnchanged()
    {
        Assert.Equal("help", Payload.Parse(Payload.Personal).StripBotMention());
    }

    [Fact]
    public void StripBotMention_EntityTextDiffersFromBotName_UsesEntityMarkup()
    {
        var activity = Message("<at>CopBot Preview</at> help", Mention(BotId, "CopBot Preview"));

        Assert.Equal("help", activity.StripBotMention());
    }

    [Fact]
    public void StripBotMention_MentionInMiddle_LeavesSingleSpace()
    {
        var activity = Message("please <at>CopBot</at> help me", Mention(BotId, "CopBot"));

        Assert.Equal("please help me", activity.StripBotMention());
    }

    [Fact]
    public void StripBotMention_NoEntities_FallsBackToRecipientName()
    {
        var activity = Message("<at>CopBot</at>\u00a0profile\n");

        Assert.Equal("profile", activity.StripBotMention());
    }

    [Fact]
    public void StripBotMention_OnlyOtherUserMentioned_KeepsTheirMention()
    {
        var activity = Message("thanks <at>Grace</at>", Mention("29:grace", "Grace"));

        Assert.Equal("thanks <at>Grace</at>", activity.StripBotMention());
    }

    [Fact]
    public void StripBotMention_NoText_ReturnsEmpty()
    {
        Assert.Equal(string.Empty, Payload.Parse(Payload.ActionSubmit).StripBotMention());
    }

    [Fact]
    public void GetMentions_ChannelMessage_ReturnsOnlyMentionEntities()
    {
        var mentions = Payload.Parse(Payload.ChannelMention).GetMentions().ToList();

        Assert.Equal(["CopBot", "Grace Hopper"], mentions.Select(m => m.Mentioned!.Name));
    }

    [Fact]
    public void GetTeamsChannelData_BotAddedToTeam_ReadsTeamSettingsAndEvent()
    {
        var channelData = Payload.Parse(Payload.BotAddedToTeam).GetTeamsChannelData()!;

        Assert.Equal(TeamId, channelData.Team!.Id);
        Assert.Equal("Data Practice", channelData.Team.Name);
        Assert.Equal("d1e2f3a4-b5c6-4d7e-8f90-a1b2c3d4e5f6", channelData.Team.AadGroupId);
        Assert.Equal(ChannelId, channelData.Settings!.SelectedChannel!.Id);
        Assert.Equal("teamMemberAdded", channelData.EventType);
        Assert.Equal(TenantId, channelData.Tenant!.Id);
    }

    [Fact]
    public void GetTeamsChannelData_ChannelMessage_KeepsUnknownFields()
    {
        var channelData = Payload.Parse(Payload.ChannelMention).GetTeamsChannelData()!;

        Assert.Equal(ChannelId, channelData.Channel!.Id);
        Assert.Equal(TeamId, channelData.Extra!["teamsTeamId"].GetString());
    }

    [Fact]
    public void GetTeamsChannelData_NoChannelData_ReturnsNull()
    {
        Assert.Null(Message("hi").GetTeamsChannelData());
    }

    [Fact]
    public void GetTeamsChannelData_OtherChannelsShape_ReturnsNull()
    {
        var activity = Message("hi");
        activity.ChannelData = JsonSerializer.SerializeToElement(new { team = "not an object" });

        Assert.Null(activity.GetTeamsChannelData());
    }

    [Theory]
    [InlineData(Payload.ChannelMention, true, false, false)]
    [InlineData(Payload.Personal, false, true, false)]
    public void ConversationKind_Payload_MatchesConversationType(string name, bool channel, bool personal, bool groupChat)
    {
        var activity = Payload.Parse(name);

        Assert.Equal(channel, activity.IsFromChannel());
        Assert.Equal(personal, activity.IsPersonal());
        Assert.Equal(groupChat, activity.IsGroupChat());
    }

    [Fact]
    public void IsGroupChat_GroupChatConversation_IsTrue()
    {
        var activity = Message("hi");
        activity.Conversation = new ConversationAccount { Id = "19:meeting@thread.v2", IsGroup = true, ConversationType = ConversationTypes.GroupChat };

        Assert.True(activity.IsGroupChat());
        Assert.False(activity.IsFromChannel());
    }

    [Fact]
    public void GetConversationReference_ChannelMessage_CapturesTeamChannelAndThread()
    {
        var reference = Payload.Parse(Payload.ChannelMention).GetConversationReference();

        Assert.Equal("msteams", reference.ChannelId);
        Assert.Equal("https://smba.trafficmanager.net/emea/", reference.ServiceUrl);
        Assert.Equal(ChannelId + ";messageid=1741684467331", reference.ConversationId);
        Assert.Equal(ConversationTypes.Channel, reference.ConversationType);
        Assert.Equal(TenantId, reference.TenantId);
        Assert.Equal(TeamId, reference.TeamId);
        Assert.Equal(ChannelId, reference.TeamsChannelId);
        Assert.Equal("Ada Lovelace", reference.User!.Name);
        Assert.Equal(BotId, reference.Bot!.Id);
        Assert.Equal("1741684467331", reference.ActivityId);
    }

    [Fact]
    public void GetConversationReference_PersonalMessage_HasNoTeamOrChannel()
    {
        var reference = Payload.Parse(Payload.Personal).GetConversationReference();

        Assert.Equal(ConversationTypes.Personal, reference.ConversationType);
        Assert.Equal(TenantId, reference.TenantId);
        Assert.Null(reference.TeamId);
        Assert.Null(reference.TeamsChannelId);
        Assert.Equal("3f6c9b1e-5a2d-4c8b-a1e7-9d0f2b4c6e81", reference.User!.AadObjectId);
    }

    [Fact]
    public void GetConversationReference_BotAddedWithoutChannelData_TakesChannelFromConversation()
    {
        var reference = Payload.Parse(Payload.BotAddedToTeam).GetConversationReference();

        Assert.Equal(TeamId, reference.TeamId);
        Assert.Equal(ChannelId, reference.TeamsChannelId);
    }

    [Fact]
    public void GetConversationReference_TenantOnlyInChannelData_UsesChannelData()
    {
        var activity = Payload.Parse(Payload.Personal);
        activity.Conversation!.TenantId = null;

        Assert.Equal(TenantId, activity.GetConversationReference().TenantId);
    }

    [Fact]
    public void GetConversationReference_NoServiceUrl_Throws()
    {
        var activity = Payload.Parse(Payload.Personal);
        activity.ServiceUrl = null;

        Assert.Throws<ArgumentException>(() => activity.GetConversationReference());
    }

    private static Activity Message(string text, params Entity[] entities) => new()
    {
        Type = ActivityTypes.Message,
        Text = text,
        Recipient = new ChannelAccount { Id = BotId, Name = "CopBot" },
        Entities = entities.Length == 0 ? null : entities,
    };

    private static Entity Mention(string id, string name) => Entity.Mention(new ChannelAccount { Id = id, Name = name });
}
