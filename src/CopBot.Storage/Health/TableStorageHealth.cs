using Azure;
using Azure.Data.Tables;
using CopBot.Community;
using Microsoft.Extensions.Logging;

namespace CopBot.Storage;

/// <summary>
/// Asks Table Storage for one table name. Uses its own client without retries: a probe should report an outage
/// within its timeout, not wait through the back-off meant for real work.
/// </summary>
public sealed class TableStorageHealth : IStorageHealth
{
    private readonly TableServiceClient _probe;
    private readonly TableStorageOptions _options;
    private readonly ILogger<TableStorageHealth> _logger;

    public TableStorageHealth(TableStorageOptions options, ILogger<TableStorageHealth> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var clientOptions = new TableClientOptions();
        clientOptions.Retry.MaxRetries = 0;
        clientOptions.Retry.NetworkTimeout = options.HealthCheckTimeout;
        _probe = new TableServiceClient(options.ConnectionString, clientOptions);
        _options = options;
        _logger = logger;
    }

    public async Task<bool> CheckAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.HealthCheckTimeout);
        try
        {
            var tables = _probe.QueryAsync(
                TableClient.CreateQueryFilter($"TableName eq {_options.TablePrefix + "Members"}"),
                maxPerPage: 1,
                cancellationToken: timeout.Token);
            await using var firstPage = tables.AsPages().GetAsyncEnumerator(timeout.Token);
            await firstPage.MoveNextAsync();
            return true;
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            Log.HealthCheckFailed(_logger, e);
            return false;
        }
        catch (Exception e) when (e is RequestFailedException or AggregateException or HttpRequestException or TimeoutException)
        {
            Log.HealthCheckFailed(_logger, e);
            return false;
        }
    }
}
