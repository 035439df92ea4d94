using System.Text.Json;

namespace CopBot.Protocol;

/// <summary>Teams-specific readings of an activity: channel data, mentions, conversation kind and reference.</summary>
public static class TeamsActivityExtensions
{
    /// <summary>
    /// The Teams channel data, or null when the activity has none or it is not shaped like Teams' (other channels
    /// put their own objects there).
    /// </summary>
    public static TeamsChannelData? GetTeamsChannelData(this Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (activity.ChannelData is not { ValueKind: JsonValueKind.Object } channelData)
        {
            return null;
        }

        try
        {
            return channelData.Deserialize<TeamsChannelData>(ProtocolJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The message text without the bot's own @mention, trimmed; other people's mentions stay.</summary>
    public static string StripBotMention(this Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return BotMention.Strip(activity);
    }

    /// <summary>The mention entities, in the order the channel sent them.</summary>
    public static IEnumerable<Entity> GetMentions(this Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return (activity.Entities ?? []).Where(e => e.IsMention);
    }

    public static bool IsFromChannel(this Activity activity) => HasConversationType(activity, ConversationTypes.Channel);

    public static bool IsPersonal(this Activity activity) => HasConversationType(activity, ConversationTypes.Personal);

    public static bool IsGroupChat(this Activity activity) => HasConversationType(activity, ConversationTypes.GroupChat);

    /// <summary>Where and with whom this activity happened, to reach the same conversation proactively later.</summary>
    /// <exception cref="ArgumentException">The activity lacks channelId, serviceUrl or conversation.id.</exception>
    public static ConversationReference GetConversationReference(this Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (string.IsNullOrWhiteSpace(activity.ChannelId) || string.IsNullOrWhiteSpace(activity.ServiceUrl)
            || string.IsNullOrWhiteSpace(activity.Conversation?.Id))
        {
            throw new ArgumentException("A conversation reference needs the activity's channelId, serviceUrl and conversation.id.", nameof(activity));
        }

        var conversationId = activity.Conversation.Id;
        var channelData = activity.GetTeamsChannelData();
        var teamsChannelId = channelData?.Channel?.Id
            ?? (activity.IsFromChannel() ? TeamsThread.RootConversationId(conversationId) : null);

        return new ConversationReference(
            activity.ChannelId,
            activity.ServiceUrl,
            conversationId,
            activity.Conversation?.ConversationType,
            NullIfBlank(activity.Conversation?.TenantId) ?? NullIfBlank(channelData?.Tenant?.Id),
            channelData?.Team?.Id,
            teamsChannelId,
            activity.From,
            activity.Recipient,
            activity.Id);
    }

    private static bool HasConversationType(Activity activity, string conversationType)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return string.Equals(activity.Conversation?.ConversationType, conversationType, StringComparison.OrdinalIgnoreCase);
    }

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
