namespace CopBot.Community;

/// <summary>Which request a channel thread (or chat) belongs to, so a reply in it can be taken as a contribution.</summary>
public sealed record RequestThread(string ConversationId, string Modality, string Community, string RequestId);

/// <summary>Thread → request lookup, shared by the modalities that collect replies from their thread.</summary>
public interface IRequestThreadIndex
{
    /// <summary>Registers the thread; registering the same thread again replaces the entry (idempotent).</summary>
    Task RegisterAsync(RequestThread thread, CancellationToken cancellationToken);

    Task<RequestThread?> FindAsync(string conversationId, CancellationToken cancellationToken);
}
