namespace CopBot.Protocol.Connector;

/// <summary>
/// The Bot Connector REST API (v3) the bot calls to speak. Every call goes to the <paramref name="serviceUrl"/> of the
/// conversation (from its activity or saved reference); ids are escaped here, so pass them as Teams gives them.
/// Failures surface as <see cref="ConnectorException"/> after transient errors have been retried.
/// </summary>
public interface IConnectorClient
{
    /// <summary>Posts a new activity; in a channel's root conversation id this starts a new thread.</summary>
    Task<ResourceResponse> SendToConversationAsync(string serviceUrl, string conversationId, Activity activity, CancellationToken cancellationToken);

    /// <summary>Posts an activity as a reply to <paramref name="replyToId"/> (in Teams channels: in its thread).</summary>
    Task<ResourceResponse> ReplyToActivityAsync(string serviceUrl, string conversationId, string replyToId, Activity activity, CancellationToken cancellationToken);

    /// <summary>Replaces an activity the bot sent earlier, e.g. a card after a button press.</summary>
    Task<ResourceResponse> UpdateActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken);

    /// <summary>Creates (or, for a Teams 1:1 chat, finds) a conversation; see <see cref="ConversationParameters.ForPersonalChat"/>.</summary>
    Task<ConversationResourceResponse> CreateConversationAsync(string serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken);

    /// <summary>One page of the conversation's (team's, chat's) members.</summary>
    Task<PagedMembersResult> GetPagedMembersAsync(string serviceUrl, string conversationId, int? pageSize, string? continuationToken, CancellationToken cancellationToken);
}
