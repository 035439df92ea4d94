using CopBot.Community;
using CopBot.Hosting;
using Microsoft.Extensions.Options;

namespace CopBot.Features.Query;

/// <summary>
/// Builds the expert index from Table Storage at start and rebuilds it periodically, so profiles imported by
/// the admin CLI or another instance reach routing within one interval, and every instance converges.
/// </summary>
public sealed class ExpertIndexRefresher(
    ExpertIndexHolder index,
    IProfileStore profiles,
    RoutingFeedbackHolder feedback,
    IRoutingFeedbackStore feedbackStore,
    IOptions<QueryOptions> options,
    StorageReadiness storage,
    TimeProvider clock,
    ILogger<ExpertIndexRefresher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await storage.WaitAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var built = await index.RefreshAsync(profiles, stoppingToken);
                await feedback.RefreshAsync(feedbackStore, built.Community, stoppingToken);
                Log.ExpertIndexRefreshed(logger, built.Community, built.Count);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Log.ExpertIndexRefreshFailed(logger, ex);
            }

            await Task.Delay(options.Value.IndexRefreshInterval, clock, stoppingToken);
        }
    }
}
