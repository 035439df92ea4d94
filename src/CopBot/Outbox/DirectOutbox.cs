namespace CopBot.Outbox;

/// <summary>
/// The outbox switched off (a deployment without queues): each message is sent and completed inside the turn, as
/// before the outbox existed. A crash in the middle is repaired by Teams' redelivery of the turn, not by a queue.
/// </summary>
public sealed class DirectOutbox(IServiceProvider services) : IOutbox
{
    // Resolved on first use: handlers themselves enqueue follow-up work (a card redraw, the next ask) through IOutbox.
    private readonly Lazy<OutboxHandlers> _handlers = new(services.GetRequiredService<OutboxHandlers>);

    public bool IsDurable => false;

    public async Task EnqueueAsync(IReadOnlyList<OutboxMessage> messages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messages);
        foreach (var message in messages)
        {
            var handler = _handlers.Value.For(message.Kind) ?? throw new InvalidOperationException($"No outbox handler for '{message.Kind}'.");
            var outcome = await handler.SendAsync(message, cancellationToken);
            await handler.CompleteAsync(message, outcome, cancellationToken);
        }
    }
}
