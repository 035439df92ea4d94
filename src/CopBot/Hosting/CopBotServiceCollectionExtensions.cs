using CopBot.Features.Collaborate;
using CopBot.Features.Consult;
using CopBot.Features.Contacts;
using CopBot.Features.Digest;
using CopBot.Features.Discuss;
using CopBot.Features.Help;
using CopBot.Features.Knowledge;
using CopBot.Features.Profile;
using CopBot.Features.Query;
using CopBot.Features.Synthesis;
using CopBot.Features.Welcome;
using CopBot.Outbox;
using CopBot.Protocol.Authentication;
using CopBot.Protocol.Connector;
using CopBot.Storage;
using CopBot.Turns;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CopBot.Hosting;

public static class CopBotServiceCollectionExtensions
{
    public const string TablesConnectionName = "Tables";
    public const string DevelopmentStorage = "UseDevelopmentStorage=true";
    public const string TableEndpointKey = "TableEndpoint";
    public const string ManagedIdentityClientIdKey = "ManagedIdentityClientId";

    /// <summary>Everything the bot needs: protocol, storage, features and start-up checks.</summary>
    public static IServiceCollection AddCopBot(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<CopBotOptions>().Bind(configuration.GetSection(CopBotOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<TenantAllowList>();

        services.AddBotAuthentication(configuration);
        services.AddBotConnector(configuration);
        services.AddCopBotStorage(configuration);
        services.AddOutbox(configuration);

        services.AddSingleton<ContactRecorder>();
        services.AddSingleton<RosterSync>();
        services.AddSingleton<IBotFeature, WelcomeFeature>();
        services.AddSingleton<IBotFeature, HelpFeature>();
        services.AddQueryFeature(configuration);
        services.AddKnowledgeBase(configuration);
        services.AddDiscussFeature(configuration);
        services.AddConsultFeature(configuration);
        services.AddCollaborateFeature(configuration);
        services.AddSynthesisFeature(configuration);
        services.AddSingleton<MemberProfiles>();
        services.AddSingleton<IBotFeature, ProfileFeature>();
        services.AddSingleton<IBotFeature, Features.Gaps.GapsFeature>();
        services.AddDigestFeature(configuration);
        services.AddSingleton<TurnRouter>();
        services.AddSingleton<TurnProcessor>();
        services.AddSingleton<TurnAdmission>();
        services.AddOptions<InboxOptions>().Bind(configuration.GetSection(InboxOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<BackgroundTurns>();
        services.AddHostedService(sp => sp.GetRequiredService<BackgroundTurns>());
        services.AddSingleton<UnfinishedTurnRecovery>();
        services.AddHostedService(sp => sp.GetRequiredService<UnfinishedTurnRecovery>());
        services.AddSingleton<StorageReadiness>();
        services.AddHostedService<StartupChecks>();
        services.AddSingleton<ProcessedActivityRetention>();
        services.AddHostedService(sp => sp.GetRequiredService<ProcessedActivityRetention>());
        return services;
    }

    /// <summary>
    /// Table Storage from <c>ConnectionStrings:Tables</c>, or from <c>CopBot:TableEndpoint</c> with a managed identity
    /// (<c>CopBot:ManagedIdentityClientId</c> for a user-assigned one, else <c>DefaultAzureCredential</c>); neither =
    /// the local emulator.
    /// </summary>
    /// <exception cref="ArgumentException">The storage settings are invalid or contradict each other.</exception>
    public static IServiceCollection AddCopBotStorage(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(CopBotOptions.Section);
        var connectionString = configuration.GetConnectionString(TablesConnectionName);
        var endpoint = TableEndpoint(section[TableEndpointKey]);
        var prefix = section[nameof(CopBotOptions.TablePrefix)];
        return services.AddCopBotTableStorage(o =>
        {
            o.ConnectionString = endpoint is null && string.IsNullOrWhiteSpace(connectionString) ? DevelopmentStorage : connectionString ?? "";
            o.TableEndpoint = endpoint;
            o.ManagedIdentityClientId = section[ManagedIdentityClientIdKey];
            if (!string.IsNullOrWhiteSpace(prefix))
            {
                o.TablePrefix = prefix;
            }
        });
    }

    private static Uri? TableEndpoint(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        return Uri.TryCreate(value, UriKind.Absolute, out var uri)
            ? uri
            : throw new ArgumentException($"{CopBotOptions.Section}:{TableEndpointKey} '{value}' is not an absolute URI, e.g. https://<account>.table.core.windows.net/.");
    }
}
