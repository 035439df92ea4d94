using CopBot.Protocol;
using CopBot.Storage;
using Microsoft.Extensions.Options;

namespace CopBot.Hosting;

/// <summary>
/// Says loudly when the bot runs without authentication, and creates the tables. Storage being down at start
/// does not stop the host: creation is retried in the background, /healthz reports 503 meanwhile, and
/// Teams' redeliveries find the bot ready once storage answers.
/// </summary>
public sealed class StartupChecks(
    IOptions<BotCredentialsOptions> credentials,
    IOptions<CopBotOptions> options,
    CopBotTables tables,
    StorageReadiness readiness,
    TimeProvider clock,
    ILogger<StartupChecks> logger) : BackgroundService
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(2);

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        var bot = credentials.Value;
        if (bot.IsAnonymous)
        {
            Log.AnonymousMode(logger);
        }
        else
        {
            Log.AuthenticatedMode(logger, bot.MicrosoftAppId!, bot.MicrosoftAppType);
        }

        if (options.Value.AllowedTenants.Count > 0)
        {
            Log.TenantsRestricted(logger, options.Value.AllowedTenants.Count);
        }

        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        for (var attempt = 1; !stoppingToken.IsCancellationRequested; attempt++)
        {
            try
            {
                await tables.EnsureCreatedAsync(stoppingToken);
                readiness.MarkReady();
                Log.StorageReady(logger, options.Value.TablePrefix);
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                if (attempt == 1)
                {
                    Log.StorageUnavailable(logger, ex);
                }

                await Task.Delay(RetryDelay, clock, stoppingToken);
            }
        }
    }
}
