namespace CopBot.Community;

/// <summary>
/// The TF-IDF space of one thread: every sentence is a document, terms come from the routing tokenizer (so synthesis
/// and routing agree on what a term is). Built once per synthesis; the request is projected into the same space.
/// </summary>
public sealed class TermSpace
{
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly List<int> _documentFrequency = [];
    private readonly List<string> _terms = [];
    private int _documents;

    /// <summary>Counts the terms of every document; call before <see cref="Vector"/>.</summary>
    public void AddDocument(IReadOnlyList<string> terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        _documents++;
        foreach (var term in terms.Distinct(StringComparer.Ordinal))
        {
            _documentFrequency[Id(term)]++;
        }
    }

    public string Term(int id) => _terms[id];

    /// <summary>Smoothed inverse document frequency; unseen terms get the highest.</summary>
    public double Idf(int id) => Math.Log(1 + ((_documents + 1.0) / (_documentFrequency[id] + 1.0)));

    public int DocumentFrequency(int id) => _documentFrequency[id];

    /// <summary>Log term frequency times idf, normalised. Terms never counted are added with frequency zero.</summary>
    public TermVector Vector(IReadOnlyList<string> terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var counts = new Dictionary<int, double>();
        foreach (var term in terms)
        {
            var id = Id(term);
            counts[id] = counts.GetValueOrDefault(id) + 1;
        }

        foreach (var id in counts.Keys.ToList())
        {
            counts[id] = (1 + Math.Log(counts[id])) * Idf(id);
        }

        return TermVector.From(counts);
    }

    private int Id(string term)
    {
        if (!_ids.TryGetValue(term, out var id))
        {
            id = _terms.Count;
            _ids[term] = id;
            _terms.Add(term);
            _documentFrequency.Add(0);
        }

        return id;
    }
}
