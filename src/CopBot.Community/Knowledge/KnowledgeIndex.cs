using System.Collections.Frozen;

namespace CopBot.Community;

/// <summary>
/// An immutable BM25 index of one community's knowledge entries over title (counted twice), text and topics, with the
/// router's text analysis (<see cref="TextTokenizer"/>). A change builds a new snapshot that reuses the tokenisation
/// of unchanged entries, so readers never lock.
/// </summary>
public sealed class KnowledgeIndex
{
    private readonly IReadOnlyList<Document> _documents;
    private readonly FrozenDictionary<string, IReadOnlyList<(int Document, int Count)>> _postings;
    private readonly double _averageLength;

    private KnowledgeIndex(string community, IReadOnlyList<Document> documents)
    {
        Community = community;
        _documents = documents;
        var postings = new Dictionary<string, List<(int, int)>>(StringComparer.Ordinal);
        for (var d = 0; d < documents.Count; d++)
        {
            foreach (var (term, count) in documents[d].Counts)
            {
                if (!postings.TryGetValue(term, out var list))
                {
                    postings[term] = list = [];
                }

                list.Add((d, count));
            }
        }

        _postings = postings.ToFrozenDictionary(p => p.Key, p => (IReadOnlyList<(int, int)>)p.Value, StringComparer.Ordinal);
        _averageLength = documents.Count == 0 ? 1 : Math.Max(1, documents.Average(d => d.Length));
    }

    public string Community { get; }

    public int Count => _documents.Count;

    public IEnumerable<KnowledgeEntry> Entries => _documents.Select(d => d.Entry);

    public static KnowledgeIndex Empty(string community) => new(community, []);

    public static KnowledgeIndex Build(string community, IEnumerable<KnowledgeEntry> entries) => Empty(community).With(entries);

    /// <summary>A new snapshot with the entries not indexed yet added (by id); entries of other communities are ignored.</summary>
    public KnowledgeIndex With(IEnumerable<KnowledgeEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var documents = _documents.ToList();
        var positions = documents.Select((d, i) => (d.Entry.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        foreach (var entry in entries.Where(e => e.Community == Community))
        {
            // Stored entries never change (adding an existing id keeps the first), so a known id keeps its tokenisation.
            if (positions.TryAdd(entry.Id, documents.Count))
            {
                documents.Add(Document.Create(entry));
            }
        }

        return new KnowledgeIndex(Community, documents);
    }

    /// <summary>The best entries for <paramref name="text"/> by BM25, best first (ties by publication, then id, for determinism).</summary>
    public IReadOnlyList<KnowledgeMatch> Search(string text, int top)
    {
        var terms = TextTokenizer.Tokenize(text).Distinct(StringComparer.Ordinal).ToList();
        if (terms.Count == 0 || top <= 0 || _documents.Count == 0)
        {
            return [];
        }

        var scores = new double[_documents.Count];
        var covered = new double[_documents.Count];
        var queryWeight = 0.0;
        foreach (var term in terms)
        {
            // A term no entry holds still weighs in the query: words the knowledge base never saw make a duplicate less likely.
            var postings = _postings.GetValueOrDefault(term);
            var idf = Idf(term);
            queryWeight += idf;
            foreach (var (document, count) in postings ?? [])
            {
                scores[document] += idf * Bm25.TermWeight(count, _documents[document].Length, _averageLength, Bm25.DefaultK1, Bm25.DefaultB);
                covered[document] += idf;
            }
        }

        var querySet = terms.ToHashSet(StringComparer.Ordinal);
        return [.. Enumerable.Range(0, scores.Length).Where(d => scores[d] > 0)
            .OrderByDescending(d => scores[d])
            .ThenByDescending(d => _documents[d].Entry.PublishedAt)
            .ThenBy(d => _documents[d].Entry.Id, StringComparer.Ordinal)
            .Take(top)
            .Select(d => new KnowledgeMatch(_documents[d].Entry, Math.Round(scores[d], 6), Math.Round(Similarity(d, covered[d] / queryWeight, querySet), 4)))];
    }

    private double Idf(string term) => Bm25.Idf(_documents.Count, _postings.GetValueOrDefault(term)?.Count ?? 0);

    /// <summary>
    /// Both ways: how much of the query the entry covers, and how much of the entry's question (its title) the query
    /// restates, idf-weighted. A short query inside a long entry, or a long query that mentions one word of the
    /// title, stays low; a rephrasing of the same question scores high.
    /// </summary>
    private double Similarity(int document, double queryCoverage, HashSet<string> query)
    {
        var title = _documents[document].TitleTerms;
        var titleWeight = title.Sum(Idf);
        var titleCoverage = titleWeight <= 0 ? 0 : title.Where(query.Contains).Sum(Idf) / titleWeight;
        return Math.Sqrt(Math.Min(1, queryCoverage) * titleCoverage);
    }

    private sealed record Document(KnowledgeEntry Entry, IReadOnlyDictionary<string, int> Counts, int Length, IReadOnlyList<string> TitleTerms)
    {
        public static Document Create(KnowledgeEntry entry)
        {
            var (counts, length) = TextTokenizer.CountDocumentTerms(entry.Title, entry.Text, entry.Topics);
            return new Document(entry, counts, length, [.. TextTokenizer.Tokenize(entry.Title).Distinct(StringComparer.Ordinal)]);
        }
    }
}
