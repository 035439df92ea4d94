using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CopBot.Features.Requests;

public static class RequestMechanicsServiceCollectionExtensions
{
    /// <summary>The mechanics every modality uses; safe to call from each modality's registration.</summary>
    public static IServiceCollection AddRequestMechanics(this IServiceCollection services)
    {
        services.TryAddSingleton<ThreadPoster>();
        services.TryAddSingleton<MemberOutreach>();
        services.TryAddSingleton<RequestAuthorization>();
        services.TryAddSingleton<DeclinerReplacement>();
        services.TryAddSingleton<RequestAccess>();
        services.TryAddSingleton<AnswerHistoryRecorder>();
        // Over each modality's RequestLifecycle<T> (registered by the modality).
        services.TryAddSingleton(typeof(RequestClosing<>));
        services.TryAddSingleton(typeof(RequestSteering<>));
        services.TryAddSingleton(typeof(RequestDeadlines<>));
        return services;
    }
}
