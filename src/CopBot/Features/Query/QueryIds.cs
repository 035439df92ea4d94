using CopBot.Features.Requests;

namespace CopBot.Features.Query;

/// <summary>A query's id derives from the message that asked it (see <see cref="RequestIds"/>).</summary>
internal static class QueryIds
{
    public static string From(string channelId, string conversationId, string activityId) =>
        RequestIds.From("q-", channelId, conversationId, activityId);
}
