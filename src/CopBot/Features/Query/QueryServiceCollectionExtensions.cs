using CopBot.Community;
using CopBot.Features.Requests;
using CopBot.Storage;
using CopBot.Turns;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CopBot.Features.Query;

public static class QueryServiceCollectionExtensions
{
    public static IServiceCollection AddQueryFeature(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<QueryOptions>().Bind(configuration.GetSection(QueryOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => new ExpertIndexHolder(ExpertIndex.Empty(sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<QueryOptions>>().Value.Community)));
        services.AddSingleton(new ExpertRanker(new RoutingOptions()));
        services.AddSingleton<RoutingFeedbackHolder>();
        // The load counts every modality from the tables themselves; every other user of the request stores writes
        // through the tracking stores, which keep the load's cached counts exact on this instance (see OpenRequestLoad).
        services.AddSingleton(sp => new OpenRequestLoad(
            sp.GetRequiredService<TableQueryStore>(),
            OpenRequestCounters.Of(sp.GetRequiredService<TableDiscussionStore>(), sp.GetRequiredService<TableConsultationStore>(), sp.GetRequiredService<TableWorkingGroupStore>()),
            sp.GetRequiredService<TimeProvider>()));
        services.Replace(ServiceDescriptor.Singleton<IQueryStore>(sp => new LoadTrackingQueryStore(sp.GetRequiredService<TableQueryStore>(), sp.GetRequiredService<OpenRequestLoad>())));
        services.Replace(ServiceDescriptor.Singleton<IDiscussionStore>(sp => new LoadTrackingDiscussionStore(sp.GetRequiredService<TableDiscussionStore>(), sp.GetRequiredService<OpenRequestLoad>())));
        services.Replace(ServiceDescriptor.Singleton<IConsultationStore>(sp => new LoadTrackingConsultationStore(sp.GetRequiredService<TableConsultationStore>(), sp.GetRequiredService<OpenRequestLoad>())));
        services.Replace(ServiceDescriptor.Singleton<IWorkingGroupStore>(sp => new LoadTrackingWorkingGroupStore(sp.GetRequiredService<TableWorkingGroupStore>(), sp.GetRequiredService<OpenRequestLoad>())));
        services.AddSingleton<RoutingContextBuilder>();
        services.AddSingleton<IExpertFinder, IndexedExpertFinder>();
        services.AddHostedService<ExpertIndexRefresher>();
        services.AddRequestMechanics();
        services.AddSingleton<QueryThread>();
        services.AddSingleton<ExpertOutreach>();
        services.AddSingleton<Gaps.GapNotice>();
        services.AddSingleton<Outbox.IOutboxHandler, ExpertAskDelivery>();
        services.AddSingleton<Outbox.IOutboxHandler, ExpertReminderDelivery>();
        services.AddSingleton<Outbox.IOutboxHandler, ExpertHandOverDelivery>();
        services.AddSingleton<Outbox.IOutboxHandler, FacilitatorCallDelivery>();
        services.AddSingleton<IThreadCardSource, QueryThreadCard>();
        services.AddSingleton<QueryFlow>();
        services.AddSingleton<QueryResponses>();
        services.AddSingleton<QueryDeadlineChecker>();
        services.AddHostedService<QueryDeadlineService>();
        services.AddSingleton<IBotFeature, QueryFeature>();
        return services;
    }
}
