using CopBot.Features.Requests;
using CopBot.Turns;

namespace CopBot.Features.Consult;

public static class ConsultServiceCollectionExtensions
{
    /// <summary>The consultation modality; routing (the expert index) is registered by the query feature.</summary>
    public static IServiceCollection AddConsultFeature(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ConsultOptions>().Bind(configuration.GetSection(ConsultOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddRequestMechanics();
        services.AddSingleton<ConsultForm>();
        services.AddSingleton<ConsultFlow>();
        services.AddRequestLifecycle<Community.Consultation, ConsultationLifecycle>();
        services.AddInvitations<Community.Consultation, ConsultInvitations>();
        services.AddSingleton<ConsultResponses>();
        services.AddSingleton<ConsultThreadReviews>();
        services.AddSingleton<ConsultDeadlineChecker>();
        services.AddHostedService<ConsultDeadlineService>();
        services.AddSingleton<IBotFeature, ConsultFeature>();
        // Reviews are what a facilitator synthesises: synthesis finds a consultation through this source.
        services.AddSingleton<Synthesis.ISynthesisSource, ConsultationSynthesisSource>();
        return services;
    }
}
