using CopBot.Community;
using CopBot.Features.Query;
using CopBot.Hosting;
using Microsoft.Extensions.Options;

namespace CopBot.Features.Knowledge;

/// <summary>
/// Loads the community's knowledge index at start and merges storage into it periodically, so entries published by
/// another instance or the admin CLI become searchable within one interval (entries added here are searchable at once).
/// </summary>
public sealed class KnowledgeIndexRefresher(
    IKnowledgeBase knowledge,
    KnowledgeIndexSet indexes,
    IOptions<QueryOptions> options,
    StorageReadiness storage,
    TimeProvider clock,
    ILogger<KnowledgeIndexRefresher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var community = options.Value.Community;
        await storage.WaitAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await knowledge.RefreshAsync(community, stoppingToken);
                KnowledgeLog.IndexRefreshed(logger, community, indexes.Find(community)?.Count ?? 0);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                KnowledgeLog.IndexRefreshFailed(logger, ex);
            }

            await Task.Delay(options.Value.IndexRefreshInterval, clock, stoppingToken);
        }
    }
}
