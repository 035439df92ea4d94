namespace CopBot.Features.Requests;

/// <summary>A deadline checker of one modality: reminders, hand-overs and closings, all claimed in storage first.</summary>
public interface IDeadlineChecker
{
    Task RunOnceAsync(CancellationToken cancellationToken);
}

/// <summary>
/// Runs a modality's deadline check on the injected clock's interval for as long as the bot runs. The state is in
/// Table Storage, so a restart only delays the next check; each modality derives its own service type so tests
/// (and hosts) can remove one without the others.
/// </summary>
public abstract class PeriodicCheckService(IDeadlineChecker checker, TimeProvider clock) : BackgroundService
{
    protected abstract TimeSpan Interval { get; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(Interval, clock, stoppingToken);
            await checker.RunOnceAsync(stoppingToken);
        }
    }
}
