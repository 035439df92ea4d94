namespace CopBot.Protocol;

/// <summary>Teams' <c>conversation.conversationType</c> values.</summary>
public static class ConversationTypes
{
    public const string Personal = "personal";
    public const string Channel = "channel";
    public const string GroupChat = "groupChat";
}
