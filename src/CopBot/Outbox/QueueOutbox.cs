namespace CopBot.Outbox;

/// <summary>The durable outbox: messages are stored in Azure Queue Storage and sent by <see cref="OutboxWorker"/>.</summary>
public sealed class QueueOutbox(OutboxQueues queues, OutboxSignal signal) : IOutbox
{
    public bool IsDurable => true;

    public async Task EnqueueAsync(IReadOnlyList<OutboxMessage> messages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messages);
        // In parallel: a fan-out to many members costs one queue round-trip, not one per member.
        await Task.WhenAll(messages.Select(m => OutboxQueues.SendAsync(queues.Main, m.ToJson(), cancellationToken)));
        signal.Wake();
    }
}
