using CopBot.Features.Contacts;
using CopBot.Features.Help;
using CopBot.Features.Knowledge;
using CopBot.Features.Profile;
using CopBot.Features.Query;
using CopBot.Features.Synthesis;
using CopBot.Features.Welcome;
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

        services.AddSingleton<ContactRecorder>();
        services.AddSingleton<RosterSync>();
        services.AddSingleton<IBotFeature, WelcomeFeature>();
        services.AddSingleton<IBotFeature, HelpFeature>();
        services.AddQueryFeature(configuration);
        services.AddKnowledgeBase(configuration);
        services.AddSynthesisFeature(configuration);
        services.AddSingleton<IBotFeature, ProfileFeature>();
        services.AddSingleton<TurnRouter>();
        services.AddSingleton<TurnProcessor>();
        services.AddHostedService<StartupChecks>();
        return services;
    }

    /// <summary>Table Storage from <c>ConnectionStrings:Tables</c> (default: the local emulator).</summary>
    public static IServiceCollection AddCopBotStorage(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var connectionString = configuration.GetConnectionString(TablesConnectionName) is { Length: > 0 } configured ? configured : DevelopmentStorage;
        var prefix = configuration.GetSection(CopBotOptions.Section)[nameof(CopBotOptions.TablePrefix)];
        return services.AddCopBotTableStorage(connectionString, o =>
        {
            if (!string.IsNullOrWhiteSpace(prefix))
            {
                o.TablePrefix = prefix;
            }
        });
    }
}
