using System.Collections.Concurrent;

namespace CopBot.Community;

/// <summary>
/// The current <see cref="KnowledgeIndex"/> of each community. Readers take a snapshot without locks; changes build a
/// new snapshot and swap it in with compare-and-swap, so an entry added during a refresh is never lost.
/// </summary>
public sealed class KnowledgeIndexSet
{
    private readonly ConcurrentDictionary<string, KnowledgeIndex> _indexes = new(StringComparer.Ordinal);

    /// <summary>The community's snapshot, or null when it was never loaded.</summary>
    public KnowledgeIndex? Find(string community) => _indexes.GetValueOrDefault(community);

    /// <summary>
    /// Merges the entries read from storage into the community's index. Entries are never deleted, so a merge cannot
    /// resurrect anything, and an entry added on this instance while the read was running is kept.
    /// </summary>
    public KnowledgeIndex Load(string community, IReadOnlyCollection<KnowledgeEntry> stored) =>
        Change(community, current => current.With(stored));

    /// <summary>Adds an entry to an already loaded community (an unloaded one loads everything at first search).</summary>
    public void Apply(KnowledgeEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (_indexes.ContainsKey(entry.Community))
        {
            Change(entry.Community, current => current.With([entry]));
        }
    }

    private KnowledgeIndex Change(string community, Func<KnowledgeIndex, KnowledgeIndex> change)
    {
        while (true)
        {
            var current = _indexes.GetOrAdd(community, KnowledgeIndex.Empty);
            var next = change(current);
            if (_indexes.TryUpdate(community, next, current))
            {
                return next;
            }
        }
    }
}
