namespace CopBot.Features.Knowledge;

public static class KnowledgeServiceCollectionExtensions
{
    /// <summary>The knowledge base's background refresh (the store itself comes with the Table Storage registration).</summary>
    public static IServiceCollection AddKnowledgeBase(this IServiceCollection services)
    {
        services.AddHostedService<KnowledgeIndexRefresher>();
        return services;
    }
}
