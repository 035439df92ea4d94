using CopBot.Community;
using CopBot.Features.Requests;
using CopBot.Turns;

namespace CopBot.Features.Query;

public static class QueryServiceCollectionExtensions
{
    public static IServiceCollection AddQueryFeature(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<QueryOptions>().Bind(configuration.GetSection(QueryOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => new ExpertIndexHolder(ExpertIndex.Empty(sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<QueryOptions>>().Value.Community)));
        services.AddSingleton(new ExpertRanker(new RoutingOptions()));
        services.AddSingleton<RoutingFeedbackHolder>();
        services.AddSingleton<OpenRequestLoad>();
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
