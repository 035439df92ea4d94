using Azure;
using Azure.Storage.Queues;

namespace CopBot.Outbox;

/// <summary>The outbox queue and its poison queue, named after the table prefix so deployments sharing an account stay apart.</summary>
public sealed class OutboxQueues
{
    // The default time-to-live is 7 days: a notification still waiting then (a long outage) would vanish silently.
    private static readonly TimeSpan NeverExpires = TimeSpan.FromSeconds(-1);

    public OutboxQueues(QueueServiceClient service, string tablePrefix)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(tablePrefix);
        var name = NameOf(tablePrefix);
        Main = service.GetQueueClient(name);
        Poison = service.GetQueueClient(name + "-poison");
    }

    public QueueClient Main { get; }

    /// <summary>Messages that failed <see cref="OutboxOptions.MaxDequeueCount"/> times or cannot be read; kept for a person to look at.</summary>
    public QueueClient Poison { get; }

    /// <summary>Queue names are lower case: <c>{prefix}-outbox</c>.</summary>
    public static string NameOf(string tablePrefix)
    {
        ArgumentNullException.ThrowIfNull(tablePrefix);
#pragma warning disable CA1308 // Queue Storage only accepts lower-case names.
        return tablePrefix.ToLowerInvariant() + "-outbox";
#pragma warning restore CA1308
    }

    /// <summary>Creates both queues; safe to call at every start-up.</summary>
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        await Main.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        await Poison.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
    }

    /// <summary>
    /// Sends to <paramref name="queue"/> (visible after <paramref name="invisibleFor"/>), creating the queue first when it
    /// is missing (a new account, an emulator restarted empty).
    /// </summary>
    public static async Task SendAsync(QueueClient queue, string body, CancellationToken cancellationToken, TimeSpan? invisibleFor = null)
    {
        ArgumentNullException.ThrowIfNull(queue);
        try
        {
            await queue.SendMessageAsync(body, invisibleFor, NeverExpires, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            await queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            await queue.SendMessageAsync(body, invisibleFor, NeverExpires, cancellationToken);
        }
    }
}
