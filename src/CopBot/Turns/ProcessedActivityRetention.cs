using CopBot.Community;
using CopBot.Hosting;
using Microsoft.Extensions.Options;

namespace CopBot.Turns;

/// <summary>
/// Deletes once-only records older than <see cref="CopBotOptions.ProcessedActivityRetention"/>, every
/// <see cref="Interval"/> while the bot runs (first a few minutes after start, so start-up stays light). Every
/// instance may run it: deleting a deleted record is harmless. A failed pass is logged and retried next time.
/// </summary>
public sealed partial class ProcessedActivityRetention(
    IProcessedActivityStore store, IOptions<CopBotOptions> options, TimeProvider clock, ILogger<ProcessedActivityRetention> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(6);

    private static readonly TimeSpan FirstDelay = TimeSpan.FromMinutes(5);

    /// <summary>One pass: returns how many records were deleted.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow() - options.Value.ProcessedActivityRetention;
        var deleted = await store.PurgeAsync(cutoff, cancellationToken);
        LogPurged(logger, deleted, cutoff);
        return deleted;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = FirstDelay;
        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(delay, clock, stoppingToken);
            delay = Interval;
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(logger, ex);
            }
        }
    }

    [LoggerMessage(EventId = 120, Level = LogLevel.Information, Message = "Deleted {Count} once-only records of activities received before {Cutoff:o}.")]
    private static partial void LogPurged(ILogger logger, int count, DateTimeOffset cutoff);

    [LoggerMessage(EventId = 121, Level = LogLevel.Warning, Message = "Deleting old once-only records failed; the next pass retries.")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
