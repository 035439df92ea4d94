namespace CopBot.Hosting;

/// <summary>
/// Deletes a table's records older than a retention, every <see cref="Interval"/> while the bot runs (first a few
/// minutes after start, so start-up stays light). Every instance may run it: the purges delete with ETags and a
/// missing row is fine, so two at once are harmless. A failed pass is logged and retried next time.
/// </summary>
public abstract partial class PeriodicPurgeService(TimeProvider clock, ILogger logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(6);

    private static readonly TimeSpan FirstDelay = TimeSpan.FromMinutes(5);

    /// <summary>What is purged, for the log, e.g. "once-only records of activities".</summary>
    protected abstract string Records { get; }

    protected abstract TimeSpan Retention { get; }

    /// <summary>Deletes the records older than <paramref name="cutoff"/>; returns how many.</summary>
    protected abstract Task<int> PurgeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken);

    /// <summary>One pass: returns how many records were deleted.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow() - Retention;
        var deleted = await PurgeAsync(cutoff, cancellationToken);
        LogPurged(logger, deleted, Records, cutoff);
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
                LogFailed(logger, ex, Records);
            }
        }
    }

    [LoggerMessage(EventId = 120, Level = LogLevel.Information, Message = "Deleted {Count} {Records} older than {Cutoff:o}.")]
    private static partial void LogPurged(ILogger logger, int count, string records, DateTimeOffset cutoff);

    [LoggerMessage(EventId = 121, Level = LogLevel.Warning, Message = "Deleting old {Records} failed; the next pass retries.")]
    private static partial void LogFailed(ILogger logger, Exception exception, string records);
}
