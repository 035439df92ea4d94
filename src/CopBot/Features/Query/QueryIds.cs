using System.Security.Cryptography;
using System.Text;

namespace CopBot.Features.Query;

/// <summary>
/// A query's id derives from the message that asked it, so a redelivered or retried message finds the same
/// query instead of routing the question twice.
/// </summary>
internal static class QueryIds
{
    public static string From(string channelId, string conversationId, string activityId)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{channelId}\n{conversationId}\n{activityId}"));
        return "q-" + Convert.ToHexStringLower(hash.AsSpan(0, 8));
    }
}
