using Azure.Core;
using Azure.Identity;
using Azure.Storage.Queues;
using CopBot.Hosting;
using CopBot.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CopBot.Outbox;

public static class OutboxServiceCollectionExtensions
{
    public const string QueueEndpointKey = "QueueEndpoint";

    /// <summary>
    /// The outbox: durable on Azure Queue Storage when a queue service is configured (or <c>CopBot:Outbox:Enabled</c>
    /// says so), otherwise direct sends. Features register their <see cref="IOutboxHandler"/>s and use <see cref="IOutbox"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The outbox is required but no queue service is configured.</exception>
    public static IServiceCollection AddOutbox(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<OutboxOptions>().Bind(configuration.GetSection(OutboxOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<OutboxHandlers>();
        var queueService = QueueServiceFor(configuration);
        var enabled = configuration.GetValue<bool?>($"{OutboxOptions.Section}:{nameof(OutboxOptions.Enabled)}") ?? queueService is not null;
        if (!enabled)
        {
            services.TryAddSingleton<IOutbox, DirectOutbox>();
            return services;
        }

        if (queueService is null)
        {
            throw new ArgumentException(
                $"{OutboxOptions.Section}:Enabled is true but no queue service is configured: use a storage connection string with a QueueEndpoint (or an account key), or set {CopBotOptions.Section}:{QueueEndpointKey}.");
        }

        services.AddSingleton(queueService);
        services.AddSingleton(sp => new OutboxQueues(sp.GetRequiredService<QueueServiceClient>(), sp.GetRequiredService<TableStorageOptions>().TablePrefix));
        services.AddSingleton<OutboxDeliveries>();
        services.AddSingleton<OutboxSignal>();
        services.TryAddSingleton<IOutbox, QueueOutbox>();
        services.AddHostedService<OutboxWorker>();
        services.AddSingleton<OutboxDeliveryRetention>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxDeliveryRetention>());
        return services;
    }

    /// <summary>
    /// The queue service of the configured storage: <c>CopBot:QueueEndpoint</c> with a managed identity, else the
    /// tables' connection string when it names one (QueueEndpoint, an account key, development storage); null otherwise.
    /// </summary>
    public static QueueServiceClient? QueueServiceFor(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(CopBotOptions.Section);
        if (section[QueueEndpointKey] is { Length: > 0 } endpoint)
        {
            return Uri.TryCreate(endpoint, UriKind.Absolute, out var uri)
                ? new QueueServiceClient(uri, Credential(section[CopBotServiceCollectionExtensions.ManagedIdentityClientIdKey]), ClientOptions())
                : throw new ArgumentException($"{CopBotOptions.Section}:{QueueEndpointKey} '{endpoint}' is not an absolute URI, e.g. https://<account>.queue.core.windows.net/.");
        }

        var connectionString = configuration.GetConnectionString(CopBotServiceCollectionExtensions.TablesConnectionName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            if (!string.IsNullOrWhiteSpace(section[CopBotServiceCollectionExtensions.TableEndpointKey]))
            {
                return null;
            }

            connectionString = CopBotServiceCollectionExtensions.DevelopmentStorage;
        }

        return NamesQueueService(connectionString) ? new QueueServiceClient(connectionString, ClientOptions()) : null;
    }

    /// <summary>True when the connection string reaches a queue service: an explicit QueueEndpoint, or no explicit endpoints at all.</summary>
    public static bool NamesQueueService(string connectionString)
    {
        ArgumentNullException.ThrowIfNull(connectionString);
        var keys = connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part => part.Split('=', 2)[0].Trim())
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        return keys.Contains("QueueEndpoint")
            || keys.Contains("UseDevelopmentStorage")
            || (keys.Contains("AccountName") && !keys.Any(k => k.EndsWith("Endpoint", StringComparison.OrdinalIgnoreCase)));
    }

    private static TokenCredential Credential(string? managedIdentityClientId) =>
        string.IsNullOrWhiteSpace(managedIdentityClientId)
            ? new DefaultAzureCredential()
            : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(managedIdentityClientId));

    // Like the tables: a turn enqueues within Teams' budget, so a few quick retries instead of the SDK's long ones.
    private static QueueClientOptions ClientOptions()
    {
        var options = new QueueClientOptions();
        options.Retry.MaxRetries = 3;
        options.Retry.Delay = TimeSpan.FromMilliseconds(200);
        options.Retry.MaxDelay = TimeSpan.FromSeconds(2);
        options.Retry.NetworkTimeout = TimeSpan.FromSeconds(10);
        return options;
    }
}
