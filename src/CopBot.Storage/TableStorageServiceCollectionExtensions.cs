using Azure.Data.Tables;
using CopBot.Community;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CopBot.Storage;

public static class TableStorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers the Table Storage implementations of the domain's stores, the storage health check and
    /// <see cref="CopBotTables"/> (call <see cref="CopBotTables.EnsureCreatedAsync"/> at start-up). Needs logging.
    /// </summary>
    /// <exception cref="ArgumentException">An option is invalid (checked now, not at the first request).</exception>
    public static IServiceCollection AddCopBotTableStorage(
        this IServiceCollection services, string connectionString, Action<TableStorageOptions>? configure = null) =>
        services.AddCopBotTableStorage(o =>
        {
            o.ConnectionString = connectionString;
            configure?.Invoke(o);
        });

    /// <summary>
    /// As above, with the storage chosen by <paramref name="configure"/>: a connection string, or a table endpoint
    /// reached with a managed identity (<see cref="TableStorageOptions.TableEndpoint"/>).
    /// </summary>
    /// <exception cref="ArgumentException">An option is invalid (checked now, not at the first request).</exception>
    public static IServiceCollection AddCopBotTableStorage(this IServiceCollection services, Action<TableStorageOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        var options = new TableStorageOptions();
        configure(options);
        options.Validate();

        services.AddSingleton(options);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(_ => TableStorageClients.Create(options, ClientOptions()));
        services.AddSingleton<CopBotTables>();
        services.AddSingleton<IContactStore, TableContactStore>();
        services.AddSingleton<TableProcessedActivityStore>();
        services.AddSingleton<IProcessedActivityStore>(sp => sp.GetRequiredService<TableProcessedActivityStore>());
        services.AddSingleton<IActivityInbox>(sp => sp.GetRequiredService<TableProcessedActivityStore>());
        services.AddSingleton<IAbandonedActivities>(sp => sp.GetRequiredService<TableProcessedActivityStore>());
        services.AddSingleton<IProfileStore, TableProfileStore>();
        services.AddSingleton<IStorageHealth, TableStorageHealth>();
        services.AddSingleton<TableQueryStore>();
        services.AddSingleton<IQueryStore>(sp => sp.GetRequiredService<TableQueryStore>());
        services.AddSingleton<IRoutingFeedbackStore, TableRoutingFeedbackStore>();
        services.AddSingleton<KnowledgeIndexSet>();
        services.AddSingleton<IKnowledgeBase, TableKnowledgeBase>();
        services.AddSingleton<ISynthesisStore, TableSynthesisStore>();
        services.AddSingleton<IContributionCreditStore, TableContributionCreditStore>();
        services.AddSingleton<IDuplicateOfferStore, TableDuplicateOfferStore>();
        services.AddSingleton<IKnowledgeGapStore, TableKnowledgeGapStore>();
        // Registered by type too, like the query store: the open-request load counts from the tables themselves.
        services.AddSingleton<TableDiscussionStore>();
        services.AddSingleton<IDiscussionStore>(sp => sp.GetRequiredService<TableDiscussionStore>());
        services.AddSingleton<TableConsultationStore>();
        services.AddSingleton<IConsultationStore>(sp => sp.GetRequiredService<TableConsultationStore>());
        services.AddSingleton<TableWorkingGroupStore>();
        services.AddSingleton<IWorkingGroupStore>(sp => sp.GetRequiredService<TableWorkingGroupStore>());
        services.AddSingleton<IContributionStore, TableContributionStore>();
        services.AddSingleton<IRequestThreadIndex, TableRequestThreadIndex>();
        services.AddSingleton<ICommunityChannelStore, TableCommunityChannelStore>();
        services.AddSingleton<IDigestLog, TableDigestLog>();
        return services;
    }

    // A bot turn cannot wait the SDK's default 100 s per try; a few quick retries fit Teams' 15 s budget.
    private static TableClientOptions ClientOptions()
    {
        var options = new TableClientOptions();
        options.Retry.MaxRetries = 3;
        options.Retry.Delay = TimeSpan.FromMilliseconds(200);
        options.Retry.MaxDelay = TimeSpan.FromSeconds(2);
        options.Retry.NetworkTimeout = TimeSpan.FromSeconds(10);
        return options;
    }
}
