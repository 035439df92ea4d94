using CopBot.Features.Search;
using CopBot.Turns;

namespace CopBot.Features.Knowledge;

public static class KnowledgeServiceCollectionExtensions
{
    /// <summary>
    /// The knowledge base's background refresh, the publishing of answered queries and the <c>search</c> command
    /// (the store itself comes with the Table Storage registration).
    /// </summary>
    public static IServiceCollection AddKnowledgeBase(this IServiceCollection services)
    {
        services.AddHostedService<KnowledgeIndexRefresher>();
        services.AddSingleton<AnsweredQueryPublisher>();
        services.AddSingleton<IBotFeature, SearchFeature>();
        return services;
    }
}
