using CopBot.Community;

namespace CopBot.Features.Requests;

/// <summary>The thread card of a modality described by a <see cref="RequestLifecycle{T}"/> (discussions, consultations).</summary>
public sealed class LifecycleThreadCard<T>(RequestLifecycle<T> lifecycle) : IThreadCardSource
    where T : class, ICommunityRequest
{
    public string Modality => lifecycle.Modality;

    public async Task<DrawnThreadCard?> DrawAsync(string community, string requestId, DateTimeOffset now, CancellationToken cancellationToken) =>
        await lifecycle.GetAsync(community, requestId, cancellationToken) is { } request
            ? new DrawnThreadCard(request.Place, lifecycle.ThreadCardActivityId(request), lifecycle.ThreadCard(request, now), lifecycle.Name, ThreadCardRedraw.VersionOf(request))
            : null;
}
