namespace CopBot.Outbox;

/// <summary>
/// Sends one kind of outbox message. The work is split in two so a crash never repeats the part the outside world
/// sees: <see cref="SendAsync"/> is the external effect (a connector call), its outcome is recorded under the
/// message's key, then <see cref="CompleteAsync"/> records it in the domain and may run again after a crash.
/// </summary>
public interface IOutboxHandler
{
    /// <summary>The <see cref="OutboxMessage.Kind"/> this handler sends, e.g. <c>query.ask</c>.</summary>
    string Kind { get; }

    /// <summary>Performs the effect; returns what must be remembered of it (e.g. the card's conversation and activity id).</summary>
    Task<string> SendAsync(OutboxMessage message, CancellationToken cancellationToken);

    /// <summary>Stores the outcome in the domain state. Idempotent: it may run twice for one send.</summary>
    Task CompleteAsync(OutboxMessage message, string outcome, CancellationToken cancellationToken);
}
