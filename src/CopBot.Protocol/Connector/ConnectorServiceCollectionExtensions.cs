using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CopBot.Protocol.Connector;

public static class ConnectorServiceCollectionExtensions
{
    /// <summary>
    /// Key of the <see cref="TimeProvider"/> that paces calls (throttle waits, retry backoff); the system clock unless
    /// registered before. Pacing runs on wall-clock time even when the app's clock is a test fake: a frozen fake
    /// clock would otherwise hold every eighth message to a conversation, or a retry, forever.
    /// </summary>
    public const string PacingClockKey = "CopBot.Connector.Pacing";

    /// <summary>
    /// Registers <see cref="IConnectorClient"/> and <see cref="IBotTokenProvider"/> (singletons) with their named,
    /// resilient HttpClients, the per-conversation throttle, and <see cref="TimeProvider.System"/> as the app clock
    /// (token expiry) and pacing clock unless already registered. Binds <see cref="BotCredentialsOptions"/> from the configuration root (SDK key names) unless
    /// already bound, and <see cref="ConnectorOptions"/> from the <c>BotConnector</c> section.
    /// </summary>
    public static IServiceCollection AddBotConnector(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        if (services.Any(d => d.ServiceType == typeof(IConnectorClient)))
        {
            return services; // a second call would stack a second retry handler on the clients
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddKeyedSingleton(PacingClockKey, TimeProvider.System);
        if (!services.Any(d => d.ServiceType == typeof(IConfigureOptions<BotCredentialsOptions>)))
        {
            services.AddOptions<BotCredentialsOptions>().Bind(configuration);
        }

        services.AddOptions<ConnectorOptions>()
            .Bind(configuration.GetSection(ConnectorOptions.SectionName))
            .Validate(o => o.IsValid(), "BotConnector: MaxRetryAttempts must be 0-10 and MaxRetryDelay at least RetryBaseDelay.")
            .ValidateOnStart();

        // Named clients taken per call by singletons: typed clients would be captured by the host's singletons
        // and never get their handlers rotated.
        services.AddHttpClient(ConnectorClient.HttpClientName)
            .AddResilienceHandler(ConnectorResilience.ConnectorPipelineName, ConnectorResilience.Configure);
        services.AddHttpClient(BotTokenProvider.HttpClientName)
            .AddResilienceHandler(ConnectorResilience.TokenPipelineName, ConnectorResilience.Configure);

        services.TryAddSingleton(sp => new ConversationThrottle(sp.GetRequiredKeyedService<TimeProvider>(PacingClockKey)));
        services.TryAddSingleton<IBotTokenProvider, BotTokenProvider>();
        services.TryAddSingleton<IConnectorClient, ConnectorClient>();
        return services;
    }
}
