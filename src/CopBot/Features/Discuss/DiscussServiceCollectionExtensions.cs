using CopBot.Features.Requests;
using CopBot.Turns;

namespace CopBot.Features.Discuss;

public static class DiscussServiceCollectionExtensions
{
    /// <summary>The discussion modality; routing (the expert index) is registered by the query feature.</summary>
    public static IServiceCollection AddDiscussFeature(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DiscussOptions>().Bind(configuration.GetSection(DiscussOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddRequestMechanics();
        services.AddSingleton<DiscussFlow>();
        services.AddInvitations<Community.Discussion, DiscussInvitations>();
        services.AddSingleton<DiscussContributions>();
        services.AddRequestLifecycle<Community.Discussion, DiscussionLifecycle>();
        services.AddSingleton<DiscussResponses>();
        services.AddSingleton<DiscussDeadlineChecker>();
        services.AddHostedService<DiscussDeadlineService>();
        services.AddSingleton<IBotFeature, DiscussFeature>();
        // A closed discussion is what a facilitator synthesises: synthesis finds it through this source.
        services.AddSingleton<Synthesis.ISynthesisSource, DiscussionSynthesisSource>();
        return services;
    }
}
