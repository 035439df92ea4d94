using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CopBot.Protocol.Authentication;

public static class BotAuthenticationServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IBotRequestAuthenticator"/>. <see cref="BotCredentialsOptions"/> is bound from the
    /// configuration root (the SDK's key names: <c>MicrosoftAppId</c>, <c>MicrosoftAppTenantId</c>,
    /// <c>ToBotFromChannelOpenIdMetadataUrl</c>, …) and validated at start: a plain-http metadata URL on a
    /// non-loopback host stops the app. Binding again after the connector's registration is harmless.
    /// </summary>
    public static IServiceCollection AddBotAuthentication(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<BotCredentialsOptions>().Bind(configuration).ValidateOnStart();
        services.AddOptions<BotAuthenticationOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BotCredentialsOptions>, BotAuthenticationOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BotAuthenticationOptions>, BotAuthenticationOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient(MetadataDocumentRetriever.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(30));
        services.TryAddSingleton<IBotRequestAuthenticator, BotRequestAuthenticator>();
        return services;
    }
}
