using System.Text.Json;
using Stopwatch = System.Diagnostics.Stopwatch;
using CopBot.Community;
using CopBot.Hosting;
using CopBot.Protocol;
using Microsoft.Extensions.Options;

namespace CopBot.Turns;

/// <summary>
/// Takes over acknowledged activities whose turn did not end: every <see cref="InboxOptions.SweepInterval"/> (first at
/// start), each instance lists the unfinished activities whose lease ran out, leases each to itself (one instance wins
/// each) and runs its turn again (which claims it first: a copy kept by a later delivery of an activity handled before
/// is dropped there). The turns are written to be run again: a redelivered request finds the request it
/// made, and notifications go through the outbox under idempotency keys. An activity tried
/// <see cref="InboxOptions.MaxAttempts"/> times is given up: kept aside for an operator and logged as an error.
/// </summary>
public sealed partial class UnfinishedTurnRecovery(
    IActivityInbox inbox,
    TurnProcessor processor,
    BackgroundTurns background,
    TurnAdmission admission,
    StorageReadiness storage,
    IOptions<InboxOptions> options,
    TimeProvider clock,
    ILogger<UnfinishedTurnRecovery> logger) : BackgroundService
{
    /// <summary>One pass: gives up what failed too often and starts the turns it took over; returns how many it started.</summary>
    public async Task<int> SweepOnceAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var started = 0;
        foreach (var stale in await inbox.ListStaleAsync(settings.SweepBatch, cancellationToken))
        {
            var activity = Read(stale.Activity.Json);
            if (stale.Attempts >= settings.MaxAttempts || activity is null)
            {
                if (await inbox.AbandonAsync(stale, cancellationToken))
                {
                    LogAbandoned(logger, stale.Activity.ActivityId, stale.Activity.ConversationId, stale.Attempts, stale.ReceivedAt);
                }

                continue;
            }

            // Busy with turns of our own: the rest wait for the next sweep (or another instance).
            if (admission.TryEnter() is not { } ticket)
            {
                break;
            }

            if (await inbox.TryTakeOverAsync(stale, settings.Lease, cancellationToken) is not { } taken)
            {
                ticket.Dispose();
                continue;
            }

            LogTakenOver(logger, taken.Activity.ActivityId, taken.Attempts, taken.ReceivedAt);
            var now = Stopwatch.GetTimestamp();
            _ = background.Start(TurnProcessor.KeyOf(taken.Activity), (admitted, token) => processor.RunAcceptedAsync(activity, taken, now, admitted, token), ticket);
            started++;
        }

        return started;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await storage.WaitAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SweepOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogSweepFailed(logger, ex);
            }

            await Task.Delay(options.Value.SweepInterval, clock, stoppingToken);
        }
    }

    // Stored as received and checked then; null only if it no longer reads as an activity.
    private static Activity? Read(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<Activity>(json, ProtocolJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    [LoggerMessage(24, LogLevel.Warning, "Taking over unfinished activity {ActivityId} (attempt {Attempt}, received {ReceivedAt:o}): its turn did not end within its lease.")]
    private static partial void LogTakenOver(ILogger logger, string activityId, int attempt, DateTimeOffset receivedAt);

    [LoggerMessage(25, LogLevel.Error, "Gave up on activity {ActivityId} in {ConversationId} after {Attempts} turns (received {ReceivedAt:o}); it is kept in the Inbox table under 'abandoned|' for an operator.")]
    private static partial void LogAbandoned(ILogger logger, string activityId, string conversationId, int attempts, DateTimeOffset receivedAt);

    [LoggerMessage(26, LogLevel.Warning, "Looking for unfinished activities failed; the next sweep retries.")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);
}
