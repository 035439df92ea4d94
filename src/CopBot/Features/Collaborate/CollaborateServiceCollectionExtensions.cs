using CopBot.Features.Requests;
using CopBot.Turns;

namespace CopBot.Features.Collaborate;

public static class CollaborateServiceCollectionExtensions
{
    /// <summary>The working-group modality; routing (the expert index) is registered by the query feature.</summary>
    public static IServiceCollection AddCollaborateFeature(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CollaborateOptions>().Bind(configuration.GetSection(CollaborateOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddRequestMechanics();
        services.AddSingleton<CollaborateFlow>();
        services.AddInvitations<Community.WorkingGroup, CollaborateInvitations>();
        services.AddSingleton<IThreadCardSource, CollaborateThreadCard>();
        services.AddSingleton<CollaborateResponses>();
        services.AddSingleton<CollaborateThreadJoins>();
        services.AddSingleton<CollaborateProgressChecker>();
        services.AddSingleton<Outbox.IOutboxHandler, CollaborateProgressDelivery>();
        services.AddHostedService<CollaborateProgressService>();
        services.AddSingleton<IBotFeature, CollaborateFeature>();
        return services;
    }
}
