namespace CopBot.Community;

/// <summary>One modality's share of <see cref="OpenRequestLoad"/>: who holds its open requests (asked experts, invitees).</summary>
public interface IOpenRequestCounter
{
    /// <summary>One member id per slot held in the community's open requests of this modality.</summary>
    Task<IReadOnlyList<string>> HoldersAsync(string community, CancellationToken cancellationToken);
}

/// <summary>
/// Counts a modality from its store: the open index, then the open requests' rows read concurrently (one round trip
/// after the listing, not one per request). The index may briefly list a request that is closing: the row decides.
/// </summary>
public sealed class OpenRequestCounter<T>(IRequestStore<T> store, Func<T, IEnumerable<string>> holders) : IOpenRequestCounter
    where T : class
{
    public async Task<IReadOnlyList<string>> HoldersAsync(string community, CancellationToken cancellationToken)
    {
        var ids = await store.ListOpenAsync(community, cancellationToken);
        var rows = await Task.WhenAll(ids.Select(id => store.GetAsync(community, id, cancellationToken)));
        return [.. rows.OfType<T>().SelectMany(holders)];
    }
}

/// <summary>The counters of the three invitation modalities, over their undecorated stores.</summary>
public static class OpenRequestCounters
{
    public static IReadOnlyList<IOpenRequestCounter> Of(IDiscussionStore discussions, IConsultationStore consultations, IWorkingGroupStore groups) =>
    [
        new OpenRequestCounter<Discussion>(discussions, OpenInvitations.Of),
        new OpenRequestCounter<Consultation>(consultations, OpenInvitations.Of),
        new OpenRequestCounter<WorkingGroup>(groups, OpenInvitations.Of),
    ];
}
