namespace CopBot.Community;

/// <summary>
/// Holds the current <see cref="ExpertIndex"/> of a community. Readers take <see cref="Current"/> without locks;
/// a refresh builds a whole new snapshot aside and swaps the reference, so a request sees one consistent index.
/// </summary>
public sealed class ExpertIndexHolder
{
    private ExpertIndex _current;
    private bool _loaded;

    public ExpertIndexHolder(ExpertIndex initial)
    {
        ArgumentNullException.ThrowIfNull(initial);
        _current = initial;
    }

    public ExpertIndex Current => Volatile.Read(ref _current);

    /// <summary>True once a refresh has read the whole store: before that the index knows only what was applied to it.</summary>
    public bool IsLoaded => Volatile.Read(ref _loaded);

    public void Swap(ExpertIndex next)
    {
        ArgumentNullException.ThrowIfNull(next);
        Volatile.Write(ref _current, next);
    }

    /// <summary>Rebuilds from the store. Two concurrent refreshes both build valid snapshots; the last one wins.</summary>
    public async Task<ExpertIndex> RefreshAsync(IProfileStore store, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var current = Current;
        var profiles = await store.ListAsync(current.Community, cancellationToken);
        // Reuse the tokenisation of unchanged experts, then drop the ones no longer in the store.
        var ids = profiles.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        var gone = current.Experts.Select(e => e.Profile.Id).Where(id => !ids.Contains(id)).ToList();
        var next = current.WithoutProfiles(gone).WithProfiles(profiles);
        Swap(next);
        Volatile.Write(ref _loaded, true);
        return next;
    }

    /// <summary>Applies changed profiles (e.g. after an import or a new answer) without reading the store.</summary>
    public ExpertIndex Apply(IEnumerable<ExpertProfile> changed)
    {
        ArgumentNullException.ThrowIfNull(changed);
        ExpertIndex current, next;
        do
        {
            current = Current;
            next = current.WithProfiles(changed);
        }
        while (Interlocked.CompareExchange(ref _current, next, current) != current);

        return next;
    }
}
