namespace CopBot.Outbox;

/// <summary>Where features put outgoing notifications: durable (a queue and a worker) or, without queues, sent at once.</summary>
public interface IOutbox
{
    /// <summary>True when messages are only stored here and sent later by <see cref="OutboxWorker"/>.</summary>
    bool IsDurable { get; }

    /// <summary>Stores (or, when not durable, sends) the messages. A message enqueued twice is still sent once.</summary>
    Task EnqueueAsync(IReadOnlyList<OutboxMessage> messages, CancellationToken cancellationToken);
}
