using System.ComponentModel.DataAnnotations;

namespace CopBot.Outbox;

/// <summary>The durable outbox under <c>CopBot:Outbox</c> (see docs/reliability.md).</summary>
public sealed class OutboxOptions
{
    public const string Section = "CopBot:Outbox";

    /// <summary>
    /// True: notifications go through Azure Queue Storage; false: they are sent directly in the turn. Unset: on
    /// whenever the storage settings name a queue service (a connection string with a QueueEndpoint or an account
    /// key, development storage, or <c>CopBot:QueueEndpoint</c>).
    /// </summary>
    public bool? Enabled { get; set; }

    /// <summary>How long a received message stays invisible to other workers; also the claim lease of a send (twice this).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan VisibilityTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Deliveries after which a message that keeps failing goes to the poison queue instead of being retried.</summary>
    [Range(1, 100)]
    public int MaxDequeueCount { get; set; } = 5;

    /// <summary>How often an idle worker looks at the queue (work enqueued by this instance wakes it at once).</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>First delay before a failed message is tried again; doubles with each failed delivery (whole seconds: Queue Storage's unit).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Messages received at once (Queue Storage allows 32).</summary>
    [Range(1, 32)]
    public int BatchSize { get; set; } = 16;

    /// <summary>Messages one instance sends at the same time (each to its own conversation).</summary>
    [Range(1, 64)]
    public int Concurrency { get; set; } = 8;

    /// <summary>
    /// How long the record of a sent key is kept (<c>{prefix}OutboxDeliveries</c>). Messages never expire, so a duplicate
    /// of a key still queued after this (an outage longer than the retention) would be sent again.
    /// </summary>
    [Range(typeof(TimeSpan), "01:00:00", "3650.00:00:00")]
    public TimeSpan DeliveryRetention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>A claim older than this is presumed dead (its instance crashed) and may be taken over.</summary>
    public TimeSpan ClaimLease => VisibilityTimeout * 2;
}
