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

    /// <summary>
    /// Rebuilds from the store. A profile applied while the store was being read (a saved profile, a new answer) may
    /// be newer than what the read returned, so an expert changed meanwhile keeps its applied version; the rest comes
    /// from the read. Two concurrent refreshes both build valid snapshots and neither undoes the other's changes.
    /// </summary>
    public async Task<ExpertIndex> RefreshAsync(IProfileStore store, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var read = Current;
        var profiles = await store.ListAsync(read.Community, cancellationToken);
        var listed = profiles.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        var next = SnapshotSwap.Update(ref _current, current =>
        {
            var changedMeanwhile = ChangedSince(read, current);
            // Reuse the tokenisation of unchanged experts, then drop the ones no longer in the store.
            var gone = current.Experts.Select(e => e.Profile.Id).Where(id => !listed.Contains(id) && !changedMeanwhile.Contains(id)).ToList();
            return current.WithoutProfiles(gone).WithProfiles(profiles.Where(p => !changedMeanwhile.Contains(p.Id)));
        });
        Volatile.Write(ref _loaded, true);
        return next;
    }

    /// <summary>Ids whose expert in <paramref name="later"/> is not the very one <paramref name="earlier"/> held (added or rebuilt since).</summary>
    private static HashSet<string> ChangedSince(ExpertIndex earlier, ExpertIndex later)
    {
        var changed = new HashSet<string>(StringComparer.Ordinal);
        if (ReferenceEquals(earlier, later))
        {
            return changed;
        }

        foreach (var expert in later.Experts)
        {
            var id = expert.Profile.Id;
            if (!earlier.ExpertById.TryGetValue(id, out var at) || !ReferenceEquals(earlier.Experts[at], expert))
            {
                changed.Add(id);
            }
        }

        return changed;
    }

    /// <summary>Applies changed profiles (e.g. after an import or a new answer) without reading the store.</summary>
    public ExpertIndex Apply(IEnumerable<ExpertProfile> changed)
    {
        ArgumentNullException.ThrowIfNull(changed);
        return SnapshotSwap.Update(ref _current, current => current.WithProfiles(changed));
    }
}
