namespace CopBot.Community;

/// <summary>The community's kept answers and syntheses: stored durably, searched from an in-memory BM25 index.</summary>
public interface IKnowledgeBase
{
    /// <summary>
    /// Stores <paramref name="entry"/> unless an entry with the same id (kind + source id) exists: then returns that
    /// one and false, so a retried publish changes nothing twice. New entries are searchable at once on this instance.
    /// </summary>
    /// <exception cref="ArgumentException">The entry is invalid (see <see cref="KnowledgeEntry.Validate"/>).</exception>
    Task<(KnowledgeEntry Stored, bool Created)> AddAsync(KnowledgeEntry entry, CancellationToken cancellationToken);

    Task<KnowledgeEntry?> GetAsync(string community, string id, CancellationToken cancellationToken);

    /// <summary>Every entry of the community, newest first.</summary>
    Task<IReadOnlyList<KnowledgeEntry>> ListAsync(string community, CancellationToken cancellationToken);

    /// <summary>The best <paramref name="top"/> entries for <paramref name="text"/>, best first; empty when nothing matches.</summary>
    Task<IReadOnlyList<KnowledgeMatch>> SearchAsync(string community, string text, int top, CancellationToken cancellationToken);

    /// <summary>Re-reads the community's entries into the search index (entries added by other instances or the CLI).</summary>
    Task RefreshAsync(string community, CancellationToken cancellationToken);
}
