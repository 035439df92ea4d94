namespace CopBot.Community;

/// <summary>
/// An invitation modality's store as the bot uses it: every write also tells <see cref="OpenRequestLoad"/> which open
/// invitations it added or removed (per <see cref="OpenInvitations"/>), so the cached counts follow this instance's
/// invitations, answers, declines and closings without a recount.
/// Every modality's store, queries included (<see cref="LoadTrackingQueryStore"/>), is tracked this way. Reads pass
/// straight through. (The load itself counts through the undecorated stores.)
/// </summary>
public abstract class LoadTrackingRequestStore<T>(IRequestStore<T> inner, OpenRequestLoad load, Func<T, IEnumerable<string>> holders)
    where T : class
{
    public Task<T?> GetAsync(string community, string id, CancellationToken cancellationToken) => inner.GetAsync(community, id, cancellationToken);

    public Task<IReadOnlyList<string>> ListOpenAsync(string community, CancellationToken cancellationToken) => inner.ListOpenAsync(community, cancellationToken);

    public async Task<T?> UpdateAsync(string community, string id, Func<T, T?> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        T? before = null;
        load.WriteStarting();
        try
        {
            // The store re-applies the change after a concurrent write: the last row it was given is what the stored result replaced.
            var after = await inner.UpdateAsync(community, id, r =>
            {
                before = r;
                return change(r);
            }, cancellationToken);
            Ended(community, before, after);
            return after;
        }
        catch
        {
            load.WriteFailed();
            throw;
        }
    }

    /// <summary>Runs the inner store's create, tracked like an update from no row (or from the row a redelivery found).</summary>
    protected async Task<(T Stored, bool Created)> CreateTrackedAsync(string community, Func<Task<(T Stored, bool Created)>> create)
    {
        ArgumentNullException.ThrowIfNull(create);
        load.WriteStarting();
        try
        {
            var (stored, created) = await create();
            Ended(community, created ? null : stored, stored);
            return (stored, created);
        }
        catch
        {
            load.WriteFailed();
            throw;
        }
    }

    // Nothing stored (after is null) changes nothing.
    private void Ended(string community, T? before, T? after) =>
        load.WriteEnded(after is null ? null : community, before is null ? [] : holders(before), after is null ? [] : holders(after));
}

public sealed class LoadTrackingDiscussionStore(IDiscussionStore inner, OpenRequestLoad load)
    : LoadTrackingRequestStore<Discussion>(inner, load, OpenInvitations.Of), IDiscussionStore
{
    public Task<(Discussion Stored, bool Created)> CreateAsync(Discussion discussion, CancellationToken cancellationToken) =>
        CreateTrackedAsync(discussion.Community, () => inner.CreateAsync(discussion, cancellationToken));

    public Task<IReadOnlyList<Discussion>> ListAsync(string community, CancellationToken cancellationToken) => inner.ListAsync(community, cancellationToken);
}

public sealed class LoadTrackingConsultationStore(IConsultationStore inner, OpenRequestLoad load)
    : LoadTrackingRequestStore<Consultation>(inner, load, OpenInvitations.Of), IConsultationStore
{
    public Task<(Consultation Stored, bool Created)> CreateAsync(Consultation consultation, CancellationToken cancellationToken) =>
        CreateTrackedAsync(consultation.Community, () => inner.CreateAsync(consultation, cancellationToken));

    public Task<IReadOnlyList<Consultation>> ListAsync(string community, CancellationToken cancellationToken) => inner.ListAsync(community, cancellationToken);
}

public sealed class LoadTrackingWorkingGroupStore(IWorkingGroupStore inner, OpenRequestLoad load)
    : LoadTrackingRequestStore<WorkingGroup>(inner, load, OpenInvitations.Of), IWorkingGroupStore
{
    public Task<(WorkingGroup Stored, bool Created)> CreateAsync(WorkingGroup group, CancellationToken cancellationToken) =>
        CreateTrackedAsync(group.Community, () => inner.CreateAsync(group, cancellationToken));

    public Task<IReadOnlyList<WorkingGroup>> ListAsync(string community, CancellationToken cancellationToken) => inner.ListAsync(community, cancellationToken);
}
