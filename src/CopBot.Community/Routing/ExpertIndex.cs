using System.Collections.Frozen;

namespace CopBot.Community;

/// <summary>
/// An immutable, in-memory snapshot of a community's profiles, prepared for routing: an inverted index over past
/// answered questions, tag → experts, and the community's tag vocabulary. Routing never reads tables per request;
/// a refresh builds a new snapshot (reusing unchanged experts' tokenisation) and swaps it in.
/// </summary>
public sealed class ExpertIndex
{
    private ExpertIndex(string community, IReadOnlyList<IndexedExpert> experts)
    {
        Community = community;
        Experts = experts;
        ExpertById = experts.Select((e, i) => (e.Profile.Id, i)).ToFrozenDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);

        var documents = new List<(int Expert, IndexedDocument Document)>();
        var postings = new Dictionary<string, List<Posting>>(StringComparer.Ordinal);
        var tagExperts = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var e = 0; e < experts.Count; e++)
        {
            foreach (var document in experts[e].Documents)
            {
                foreach (var (term, count) in document.TermCounts)
                {
                    if (!postings.TryGetValue(term, out var list))
                    {
                        postings[term] = list = [];
                    }

                    list.Add(new Posting(documents.Count, count));
                }

                documents.Add((e, document));
            }

            foreach (var tag in experts[e].Topics)
            {
                if (!tagExperts.TryGetValue(tag, out var list))
                {
                    tagExperts[tag] = list = [];
                }

                list.Add(e);
            }
        }

        Documents = documents;
        Postings = postings.ToFrozenDictionary(p => p.Key, p => (IReadOnlyList<Posting>)p.Value, StringComparer.Ordinal);
        TagExperts = tagExperts.ToFrozenDictionary(p => p.Key, p => (IReadOnlyList<int>)p.Value, StringComparer.Ordinal);
        TagTerms = tagExperts.Keys.ToFrozenDictionary(t => t, TextTokenizer.TagTerms, StringComparer.Ordinal);
        AnswerTimes = [.. documents.Select(d => d.Document.Question.At).OfType<DateTimeOffset>().Order()];
        AverageDocumentLength = documents.Count == 0 ? 1 : Math.Max(1, documents.Average(d => d.Document.Length));
    }

    public string Community { get; }

    public int Count => Experts.Count;

    /// <summary>Every tag known to the community (skills and history), the vocabulary topics are inferred from.</summary>
    public IEnumerable<string> Vocabulary => TagExperts.Keys;

    internal IReadOnlyList<IndexedExpert> Experts { get; }

    internal FrozenDictionary<string, int> ExpertById { get; }

    internal IReadOnlyList<(int Expert, IndexedDocument Document)> Documents { get; }

    internal FrozenDictionary<string, IReadOnlyList<Posting>> Postings { get; }

    internal FrozenDictionary<string, IReadOnlyList<int>> TagExperts { get; }

    internal FrozenDictionary<string, IReadOnlyList<string>> TagTerms { get; }

    internal double AverageDocumentLength { get; }

    /// <summary>When each dated answer was given, ascending: recency counts the answers given since.</summary>
    internal IReadOnlyList<DateTimeOffset> AnswerTimes { get; }

    /// <summary>How many answers in the community are dated after <paramref name="at"/> and not after <paramref name="now"/>.</summary>
    internal int AnswersBetween(DateTimeOffset at, DateTimeOffset now) => CountUpTo(now) - CountUpTo(at);

    private int CountUpTo(DateTimeOffset time)
    {
        int low = 0, high = AnswerTimes.Count;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (AnswerTimes[middle] <= time)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    public static ExpertIndex Empty(string community) => new(community, []);

    public static ExpertIndex Build(string community, IEnumerable<ExpertProfile> profiles)
    {
        ArgumentNullException.ThrowIfNull(profiles);
        return Empty(community).WithProfiles(profiles);
    }

    public static async Task<ExpertIndex> BuildAsync(IProfileStore store, string community, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        return Build(community, await store.ListAsync(community, cancellationToken));
    }

    /// <summary>A new snapshot with these profiles added or replaced (by id); other experts keep their prepared data.</summary>
    public ExpertIndex WithProfiles(IEnumerable<ExpertProfile> profiles)
    {
        ArgumentNullException.ThrowIfNull(profiles);
        var experts = Experts.ToList();
        var positions = new Dictionary<string, int>(ExpertById, StringComparer.Ordinal);
        foreach (var profile in profiles.Where(p => p.Community == Community))
        {
            if (positions.TryGetValue(profile.Id, out var at))
            {
                if (experts[at].Profile == profile)
                {
                    continue;
                }

                experts[at] = IndexedExpert.Create(profile, experts[at]);
            }
            else
            {
                positions[profile.Id] = experts.Count;
                experts.Add(IndexedExpert.Create(profile, null));
            }
        }

        return new ExpertIndex(Community, experts);
    }

    /// <summary>A new snapshot without these experts.</summary>
    public ExpertIndex WithoutProfiles(IEnumerable<string> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var removed = ids.ToHashSet(StringComparer.Ordinal);
        return new ExpertIndex(Community, [.. Experts.Where(e => !removed.Contains(e.Profile.Id))]);
    }

    public ExpertProfile? Find(string id) => id is not null && ExpertById.TryGetValue(id, out var at) ? Experts[at].Profile : null;

    internal readonly record struct Posting(int Document, int Count);
}
