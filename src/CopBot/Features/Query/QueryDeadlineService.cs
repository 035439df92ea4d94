using Microsoft.Extensions.Options;

namespace CopBot.Features.Query;

/// <summary>Runs the deadline check on the injected clock's interval for as long as the bot runs.</summary>
public sealed class QueryDeadlineService(QueryDeadlineChecker checker, IOptions<QueryOptions> options, TimeProvider clock) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(options.Value.DeadlineCheckInterval, clock, stoppingToken);
            await checker.RunOnceAsync(stoppingToken);
        }
    }
}
