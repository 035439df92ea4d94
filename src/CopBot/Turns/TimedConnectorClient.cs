using Stopwatch = System.Diagnostics.Stopwatch;
using CopBot.Protocol;
using CopBot.Protocol.Connector;

namespace CopBot.Turns;

/// <summary>
/// The connector as one turn uses it, adding up the time its calls take (concurrent calls add up, like CPU time), so
/// a slow turn's log says how much of it was spent waiting for Teams.
/// </summary>
internal sealed class TimedConnectorClient(IConnectorClient inner) : IConnectorClient
{
    private long _elapsedTicks;

    public TimeSpan Elapsed => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _elapsedTicks));

    public Task<ResourceResponse> SendToConversationAsync(string serviceUrl, string conversationId, Activity activity, CancellationToken cancellationToken) =>
        TimeAsync(() => inner.SendToConversationAsync(serviceUrl, conversationId, activity, cancellationToken));

    public Task<ResourceResponse> ReplyToActivityAsync(string serviceUrl, string conversationId, string replyToId, Activity activity, CancellationToken cancellationToken) =>
        TimeAsync(() => inner.ReplyToActivityAsync(serviceUrl, conversationId, replyToId, activity, cancellationToken));

    public Task<ResourceResponse> UpdateActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken) =>
        TimeAsync(() => inner.UpdateActivityAsync(serviceUrl, conversationId, activityId, activity, cancellationToken));

    public Task<ConversationResourceResponse> CreateConversationAsync(string serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken) =>
        TimeAsync(() => inner.CreateConversationAsync(serviceUrl, parameters, cancellationToken));

    public Task<PagedMembersResult> GetPagedMembersAsync(string serviceUrl, string conversationId, int? pageSize, string? continuationToken, CancellationToken cancellationToken) =>
        TimeAsync(() => inner.GetPagedMembersAsync(serviceUrl, conversationId, pageSize, continuationToken, cancellationToken));

    private async Task<T> TimeAsync<T>(Func<Task<T>> call)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            return await call();
        }
        finally
        {
            Interlocked.Add(ref _elapsedTicks, Stopwatch.GetTimestamp() - started);
        }
    }
}
