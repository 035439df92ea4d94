namespace CopBot.Protocol;

/// <summary>
/// Teams channel threads: a thread's conversation id is the channel's conversation id plus
/// <c>;messageid={rootActivityId}</c>. Posting to the bare channel id starts a new thread; posting to the
/// thread id answers in that thread.
/// </summary>
public static class TeamsThread
{
    public const string MessageIdMarker = ";messageid=";

    /// <summary>The conversation id of the thread under <paramref name="rootActivityId"/> in a channel.</summary>
    public static string ConversationId(string channelConversationId, string rootActivityId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(channelConversationId);
        ArgumentException.ThrowIfNullOrWhiteSpace(rootActivityId);
        return RootConversationId(channelConversationId) + MessageIdMarker + rootActivityId;
    }

    /// <summary>The conversation id without any thread suffix: the channel (or the chat itself).</summary>
    public static string RootConversationId(string conversationId)
    {
        ArgumentNullException.ThrowIfNull(conversationId);
        var marker = conversationId.IndexOf(MessageIdMarker, StringComparison.OrdinalIgnoreCase);
        return marker < 0 ? conversationId : conversationId[..marker];
    }

    /// <summary>The id of the thread's root post, or null when the id names no thread.</summary>
    public static string? RootActivityId(string conversationId)
    {
        ArgumentNullException.ThrowIfNull(conversationId);
        var marker = conversationId.IndexOf(MessageIdMarker, StringComparison.OrdinalIgnoreCase);
        if (marker < 0)
        {
            return null;
        }

        var root = conversationId[(marker + MessageIdMarker.Length)..];
        return root.Length > 0 ? root : null;
    }

    public static bool IsThread(string conversationId) => RootActivityId(conversationId) is not null;
}
