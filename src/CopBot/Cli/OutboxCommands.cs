using System.CommandLine;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using CopBot.Outbox;
using CopBot.Storage;

namespace CopBot.Cli;

/// <summary>
/// <c>outbox poisoned</c> and <c>outbox requeue</c>: the notifications that failed <c>MaxDequeueCount</c> times (log
/// event 304), listed, and moved back to the outbox queue once the cause is fixed. Moving is safe to
/// repeat: every message carries its idempotency key, so one moved twice still has a single effect.
/// </summary>
internal static class OutboxCommands
{
    // Queue Storage hands out at most 32 messages per call.
    private const int PageSize = 32;

    // Long enough for one requeue run: messages looked at stay out of the next pages until the run ends.
    private static readonly TimeSpan LookedAt = TimeSpan.FromMinutes(5);

    public static Command Create(Func<ServiceProvider> services, IConfiguration configuration, TextWriter output, TextWriter errors)
    {
        var list = new Command("poisoned", $"List the poisoned notifications (tab-separated: message id, inserted, kind, idempotency key; the first {PageSize}).");
        list.SetAction((_, cancellationToken) => WithQueuesAsync(services, configuration, errors, queues => ListAsync(queues, output, errors, cancellationToken)));
        var requeue = new Command("requeue", "Move every poisoned notification back to the outbox queue; a running bot sends it (once per idempotency key).");
        requeue.SetAction((_, cancellationToken) => WithQueuesAsync(services, configuration, errors, queues => RequeueAsync(queues, output, errors, cancellationToken)));
        return new Command("outbox", "Notifications the bot could not send.") { list, requeue };
    }

    private static async Task<int> WithQueuesAsync(Func<ServiceProvider> createServices, IConfiguration configuration, TextWriter errors, Func<OutboxQueues, Task<int>> action)
    {
        if (OutboxServiceCollectionExtensions.QueueServiceFor(configuration) is not { } service)
        {
            await errors.WriteLineAsync("No queue service is configured: the bot sends notifications directly, so there is no outbox queue.");
            return 2;
        }

        await using var services = createServices();
        var queues = new OutboxQueues(service, services.GetRequiredService<TableStorageOptions>().TablePrefix);
        await queues.EnsureCreatedAsync(CancellationToken.None);
        return await action(queues);
    }

    private static async Task<int> ListAsync(OutboxQueues queues, TextWriter output, TextWriter errors, CancellationToken cancellationToken)
    {
        PeekedMessage[] peeked = await queues.Poison.PeekMessagesAsync(PageSize, cancellationToken);
        await output.WriteLineAsync("message\tinserted\tkind\tkey");
        foreach (var message in peeked)
        {
            var (kind, key) = OutboxMessage.TryParse(message.MessageText, out var envelope) ? (envelope.Kind, envelope.Key) : ("(not an outbox message)", "");
            await output.WriteLineAsync(string.Join('\t', message.MessageId, message.InsertedOn is { } inserted ? AdminCli.Utc(inserted) : "", kind, key));
        }

        var total = (await queues.Poison.GetPropertiesAsync(cancellationToken)).Value.ApproximateMessagesCount;
        if (total > peeked.Length)
        {
            await errors.WriteLineAsync($"{peeked.Length} of about {total} shown: Queue Storage shows at most {PageSize} without taking them.");
        }

        return 0;
    }

    private static async Task<int> RequeueAsync(OutboxQueues queues, TextWriter output, TextWriter errors, CancellationToken cancellationToken)
    {
        // Counted first: a message the running bot poisons again meanwhile waits for the next run instead of looping.
        var total = (await queues.Poison.GetPropertiesAsync(cancellationToken)).Value.ApproximateMessagesCount;
        var unreadable = new List<QueueMessage>();
        var moved = 0;
        for (var seen = 0; seen < total;)
        {
            QueueMessage[] page = await queues.Poison.ReceiveMessagesAsync(PageSize, LookedAt, cancellationToken);
            if (page.Length == 0)
            {
                break;
            }

            foreach (var message in page)
            {
                seen++;
                if (!OutboxMessage.TryParse(message.MessageText, out _))
                {
                    unreadable.Add(message);
                    continue;
                }

                // Sent before it is deleted: a crash in between leaves it in both queues, and its key makes that harmless.
                await OutboxQueues.SendAsync(queues.Main, message.MessageText, cancellationToken);
                await queues.Poison.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken);
                moved++;
            }
        }

        foreach (var message in unreadable)
        {
            await queues.Poison.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: TimeSpan.Zero, cancellationToken: cancellationToken);
            await errors.WriteLineAsync($"{message.MessageId}: left in the poison queue (not an outbox message).");
        }

        await output.WriteLineAsync($"Requeued {moved} poisoned notifications; {unreadable.Count} left (not outbox messages).");
        return 0;
    }
}
