using CopBot.Community;
using CopBot.Protocol;

namespace CopBot.Features.Requests;

/// <summary>Teams deep links to a request's thread (the "Open the thread" / "Join the discussion" buttons).</summary>
public static class ThreadLinks
{
    /// <summary>A link to the thread's root message, for channel threads only (null in chats).</summary>
    public static Uri? For(QueryPlace place)
    {
        ArgumentNullException.ThrowIfNull(place);
        var root = TeamsThread.RootActivityId(place.ConversationId);
        if (root is null)
        {
            return null;
        }

        var channel = Uri.EscapeDataString(TeamsThread.RootConversationId(place.ConversationId));
        var tenant = place.TenantId is null ? "" : $"&tenantId={Uri.EscapeDataString(place.TenantId)}";
        return new Uri($"https://teams.microsoft.com/l/message/{channel}/{root}?parentMessageId={root}{tenant}");
    }

    /// <summary>The place a request made in this turn lives: replies go to the same thread as the command.</summary>
    public static QueryPlace PlaceOf(Activity activity, string requestActivityId)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var reference = activity.GetConversationReference();
        return new QueryPlace(activity.ChannelId!, activity.ServiceUrl!, activity.Conversation!.Id!, reference.TenantId,
            activity.Recipient?.Id, activity.Recipient?.Name, requestActivityId);
    }
}
