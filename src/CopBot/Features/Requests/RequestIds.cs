using System.Security.Cryptography;
using System.Text;

namespace CopBot.Features.Requests;

/// <summary>
/// A request's id derives from the message (or card) that made it, so a redelivered or retried message finds the
/// same request instead of starting it twice. The prefix tells the modality (q-, d-, c-).
/// </summary>
public static class RequestIds
{
    public static string From(string prefix, string channelId, string conversationId, string activityId)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{channelId}\n{conversationId}\n{activityId}"));
        return prefix + Convert.ToHexStringLower(hash.AsSpan(0, 8));
    }
}
