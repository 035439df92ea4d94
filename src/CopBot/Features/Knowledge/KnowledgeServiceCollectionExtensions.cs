using CopBot.Community;
using CopBot.Features.Search;
using CopBot.Features.Stats;
using CopBot.Turns;

namespace CopBot.Features.Knowledge;

public static class KnowledgeServiceCollectionExtensions
{
    /// <summary>
    /// The knowledge base's background refresh, the publishing of answered queries, the duplicate check before routing,
    /// the <c>search</c> command and the facilitators' <c>stats</c> (the stores come with the Table Storage registration).
    /// </summary>
    public static IServiceCollection AddKnowledgeBase(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<KnowledgeOptions>().Bind(configuration.GetSection(KnowledgeOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddHostedService<KnowledgeIndexRefresher>();
        services.AddSingleton<AnsweredQueryPublisher>();
        services.AddSingleton<DuplicateCheck>();
        services.AddSingleton<IBotFeature, DuplicateResponses>();
        services.AddSingleton<IBotFeature, SearchFeature>();
        services.AddSingleton<IndicatorReader>();
        services.AddSingleton<IBotFeature, StatsFeature>();
        return services;
    }
}
