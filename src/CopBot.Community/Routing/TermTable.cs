using System.Collections.Concurrent;

namespace CopBot.Community;

/// <summary>
/// Grow-only string → id table shared by a snapshot and the snapshots derived from it, so each distinct term (or tag)
/// is stored once and postings hold ints. Ids never change; a term no longer used simply has no postings.
/// </summary>
internal sealed class TermTable
{
    private readonly ConcurrentDictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly List<string> _terms = [];
    private readonly Lock _gate = new();

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _terms.Count;
            }
        }
    }

    public int Intern(string term)
    {
        if (_ids.TryGetValue(term, out var id))
        {
            return id;
        }

        lock (_gate)
        {
            if (_ids.TryGetValue(term, out id))
            {
                return id;
            }

            id = _terms.Count;
            _terms.Add(term);
            _ids[term] = id;
            return id;
        }
    }

    /// <summary>The id of a known term, or -1 (lookups never grow the table).</summary>
    public int Find(string term) => _ids.TryGetValue(term, out var id) ? id : -1;

    public string this[int id]
    {
        get
        {
            lock (_gate)
            {
                return _terms[id];
            }
        }
    }
}
