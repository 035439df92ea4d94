using Azure;
using Azure.Storage.Queues.Models;
using Microsoft.Extensions.Options;

namespace CopBot.Outbox;

/// <summary>
/// Sends what the turns enqueued. Each message is received with a visibility timeout (other instances skip it
/// meanwhile), its key claimed in <see cref="OutboxDeliveries"/>, sent by its handler, recorded as sent, completed in
/// the domain, and only then deleted. A crash anywhere leaves the message to reappear; the record makes the second
/// attempt skip the send. Stopping finishes the sends in flight and hands the rest back at once.
/// </summary>
public sealed class OutboxWorker(
    OutboxQueues queues,
    OutboxDeliveries deliveries,
    OutboxHandlers handlers,
    OutboxSignal signal,
    IOptions<OutboxOptions> options,
    TimeProvider clock,
    ILogger<OutboxWorker> logger) : BackgroundService
{
    private readonly string _instance = Guid.NewGuid().ToString("N")[..8];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await EnsureCreatedAsync(stoppingToken);
        OutboxLog.Durable(logger, queues.Main.Name);
        while (!stoppingToken.IsCancellationRequested)
        {
            var received = 0;
            try
            {
                received = await RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                OutboxLog.ReceiveFailed(logger, ex);
            }

            if (received == 0)
            {
                await signal.WaitAsync(options.Value.PollInterval, clock, stoppingToken);
            }
        }
    }

    /// <summary>Receives one batch and sends it; returns how many messages were received.</summary>
    public async Task<int> RunOnceAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        QueueMessage[] batch = await queues.Main.ReceiveMessagesAsync(settings.BatchSize, settings.VisibilityTimeout, stoppingToken);
        // Sends in flight are finished even when the host stops (CancellationToken.None): cancelling one half-way
        // would leave it in doubt. Messages not started yet are handed back instead.
        await Parallel.ForEachAsync(batch, new ParallelOptions { MaxDegreeOfParallelism = settings.Concurrency }, async (message, _) =>
        {
            if (stoppingToken.IsCancellationRequested)
            {
                await HandBackAsync(message);
                return;
            }

            await ProcessAsync(message, CancellationToken.None);
        });
        return batch.Length;
    }

    private async Task ProcessAsync(QueueMessage message, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (message.DequeueCount > settings.MaxDequeueCount)
        {
            await PoisonAsync(message, $"failed {message.DequeueCount - 1} times", cancellationToken);
            return;
        }

        if (!OutboxMessage.TryParse(message.MessageText, out var envelope))
        {
            await PoisonAsync(message, "not an outbox message", cancellationToken);
            return;
        }

        if (handlers.For(envelope.Kind) is not { } handler)
        {
            await PoisonAsync(message, $"no handler for kind '{envelope.Kind}'", cancellationToken);
            return;
        }

        try
        {
            var (outcome, busyFor) = await SendOnceAsync(envelope, handler, cancellationToken);
            if (outcome is null)
            {
                await DeferAsync(message, busyFor, cancellationToken);
                return;
            }

            await handler.CompleteAsync(envelope, outcome, cancellationToken);
            await DeleteAsync(message, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var delay = Backoff(message.DequeueCount);
            OutboxLog.SendFailed(logger, ex, envelope.Key, envelope.Kind, message.DequeueCount, delay);
            await RetryLaterAsync(message, delay, cancellationToken);
        }
    }

    /// <summary>The outcome of the one send for this key (sent now or earlier); null while another worker holds it.</summary>
    private async Task<(string? Outcome, TimeSpan BusyFor)> SendOnceAsync(OutboxMessage envelope, IOutboxHandler handler, CancellationToken cancellationToken)
    {
        var claim = await deliveries.ClaimAsync(envelope.Key, _instance, clock.GetUtcNow(), options.Value.ClaimLease, cancellationToken);
        switch (claim.State)
        {
            case DeliveryState.Sent:
                OutboxLog.AlreadySent(logger, envelope.Key);
                return (claim.Outcome!, TimeSpan.Zero);
            case DeliveryState.Busy:
                OutboxLog.Busy(logger, envelope.Key, claim.LeaseLeft);
                return (null, claim.LeaseLeft);
        }

        if (claim.TookOver)
        {
            OutboxLog.InDoubtResend(logger, envelope.Key);
        }

        string outcome;
        try
        {
            outcome = await handler.SendAsync(envelope, cancellationToken);
        }
        catch
        {
            // The send failed before any effect we know of: give the claim back so the retry need not wait for the lease.
            await deliveries.ReleaseAsync(envelope.Key, claim.ETag, CancellationToken.None);
            throw;
        }

        // The window that cannot be closed: a crash between the connector's answer and this write sends again.
        await deliveries.RecordSentAsync(envelope.Key, outcome, _instance, clock.GetUtcNow(), cancellationToken);
        return (outcome, TimeSpan.Zero);
    }

    /// <summary>
    /// Another worker's claim is valid for <paramref name="busyFor"/>: a fresh copy becomes visible just after it ends
    /// (done or stale by then) and the original goes. A copy starts at dequeue count 0, so waiting for a live claim
    /// never pushes a message towards the poison queue; a crash between the two leaves two copies of one key, which is harmless.
    /// </summary>
    private async Task DeferAsync(QueueMessage message, TimeSpan busyFor, CancellationToken cancellationToken)
    {
        await OutboxQueues.SendAsync(queues.Main, message.MessageText, cancellationToken, WholeSeconds(busyFor) + TimeSpan.FromSeconds(1));
        await DeleteAsync(message, cancellationToken);
    }

    // Queue Storage counts visibility timeouts in whole seconds: anything shorter would make the message visible at once.
    private static TimeSpan WholeSeconds(TimeSpan value) => TimeSpan.FromSeconds(Math.Ceiling(Math.Max(0, value.TotalSeconds)));

    private TimeSpan Backoff(long dequeueCount)
    {
        var settings = options.Value;
        var delay = settings.RetryDelay * Math.Pow(2, Math.Clamp(dequeueCount - 1, 0, 10));
        return delay < settings.VisibilityTimeout ? delay : settings.VisibilityTimeout;
    }

    private async Task PoisonAsync(QueueMessage message, string reason, CancellationToken cancellationToken)
    {
        OutboxLog.Poisoned(logger, message.MessageId, reason, message.MessageText);
        await OutboxQueues.SendAsync(queues.Poison, message.MessageText, cancellationToken);
        await DeleteAsync(message, cancellationToken);
    }

    private async Task DeleteAsync(QueueMessage message, CancellationToken cancellationToken)
    {
        try
        {
            await queues.Main.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status is 404 or 400)
        {
            // Our receipt expired and another worker holds the message now: it will find the record and skip it.
        }
    }

    private async Task RetryLaterAsync(QueueMessage message, TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            await queues.Main.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: WholeSeconds(delay), cancellationToken: cancellationToken);
        }
        catch (RequestFailedException)
        {
            // The message reappears after its visibility timeout anyway.
        }
    }

    private Task HandBackAsync(QueueMessage message) => RetryLaterAsync(message, TimeSpan.Zero, CancellationToken.None);

    private async Task EnsureCreatedAsync(CancellationToken stoppingToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await queues.EnsureCreatedAsync(stoppingToken);
                await deliveries.EnsureCreatedAsync(stoppingToken);
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                if (attempt == 1)
                {
                    OutboxLog.QueuesUnavailable(logger, ex);
                }

                await Task.Delay(options.Value.PollInterval, clock, stoppingToken);
            }
        }
    }
}
