using CopBot.Community;
using CopBot.Outbox;
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
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IOutboxHandler, ProfileHistoryDelivery>());
        // Over each modality's RequestLifecycle<T> (registered by the modality).
        services.TryAddSingleton(typeof(RequestClosing<>));
        services.TryAddSingleton(typeof(RequestSteering<>));
        services.TryAddSingleton(typeof(RequestDeadlines<>));
        services.TryAddSingleton(typeof(PendingInvitations<>));
        services.TryAddSingleton<ThreadCardUpdates>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IOutboxHandler, ThreadCardRedraw>());
        return services;
    }

    /// <summary>A modality with a closing date (a <see cref="RequestLifecycle{T}"/>): its thread card and the notices its clock sends.</summary>
    public static IServiceCollection AddRequestLifecycle<T, TLifecycle>(this IServiceCollection services)
        where T : class, ICommunityRequest
        where TLifecycle : RequestLifecycle<T>
    {
        services.AddSingleton<RequestLifecycle<T>, TLifecycle>();
        services.AddSingleton<IThreadCardSource, LifecycleThreadCard<T>>();
        services.AddSingleton<IOutboxHandler, RequestNoticeDelivery<T>>();
        return services;
    }

    /// <summary>A modality that invites members: its rules, and the shared outbox handler over them.</summary>
    public static IServiceCollection AddInvitations<T, TRules>(this IServiceCollection services)
        where T : class, ICommunityRequest
        where TRules : class, IInvitationRules<T>
    {
        services.AddSingleton<IInvitationRules<T>, TRules>();
        services.AddSingleton<IOutboxHandler, InvitationDelivery<T>>();
        return services;
    }
}
