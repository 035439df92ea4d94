namespace CopBot.Community;

/// <summary>
/// An immutable, in-memory snapshot of a community's profiles, prepared for routing: inverted indexes term → past
/// answered questions and tag → experts over compact arrays with interned terms, and the community's tag vocabulary.
/// Routing never reads tables per request and only touches the experts that share a term or topic with the request
/// (plus the most active ones, see <see cref="ExpertRanker"/>); a refresh builds a new snapshot, reusing unchanged
/// experts' tokenisation, and swaps it in.
/// </summary>
public sealed class ExpertIndex
{
    private static readonly Posting[] NoPostings = [];
    private RoutingPriors? _priors;
    private Bm25Weights? _bm25Weights;
    private EligibilityIndex? _eligibility;

    private ExpertIndex(string community, IndexedExpert[] experts, TermTable terms, TermTable tags)
    {
        Community = community;
        Experts = experts;
        Terms = terms;
        Tags = tags;
        ExpertById = experts.Select((e, i) => (e.Profile.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);

        DocumentStart = new int[experts.Length + 1];
        for (var e = 0; e < experts.Length; e++)
        {
            DocumentStart[e + 1] = DocumentStart[e] + experts[e].Documents.Length;
        }

        var documentCount = DocumentStart[^1];
        Documents = new IndexedDocument[documentCount];
        DocumentExpert = new int[documentCount];
        // Sibling snapshots share these grow-only tables and may intern into them meanwhile: read each size once.
        var termCount = terms.Count;
        var tagCount = tags.Count;
        var postingCounts = new int[termCount];
        var tagCounts = new int[tagCount];
        long totalLength = 0;
        var times = new List<long>(documentCount);
        for (var e = 0; e < experts.Length; e++)
        {
            var position = DocumentStart[e];
            foreach (var document in experts[e].Documents)
            {
                Documents[position] = document;
                DocumentExpert[position++] = e;
                totalLength += document.Length;
                if (document.Question.At is { } at)
                {
                    times.Add(at.UtcTicks);
                }

                for (var i = 0; i < document.TermCount; i++)
                {
                    postingCounts[document.Term(i)]++;
                }
            }

            foreach (var tag in experts[e].Topics)
            {
                tagCounts[tag]++;
            }
        }

        // Second pass: exact-size posting arrays, filled in document order (BM25 ties break by position).
        Postings = new Posting[termCount][];
        for (var t = 0; t < termCount; t++)
        {
            Postings[t] = postingCounts[t] == 0 ? NoPostings : new Posting[postingCounts[t]];
            postingCounts[t] = 0;
        }

        TagExperts = new int[tagCount][];
        for (var t = 0; t < TagExperts.Length; t++)
        {
            TagExperts[t] = tagCounts[t] == 0 ? [] : new int[tagCounts[t]];
            tagCounts[t] = 0;
        }

        for (var position = 0; position < documentCount; position++)
        {
            var document = Documents[position];
            for (var i = 0; i < document.TermCount; i++)
            {
                var term = document.Term(i);
                Postings[term][postingCounts[term]++] = new Posting(position, document.Count(i));
            }
        }

        for (var e = 0; e < experts.Length; e++)
        {
            foreach (var tag in experts[e].Topics)
            {
                TagExperts[tag][tagCounts[tag]++] = e;
            }
        }

        var vocabulary = Enumerable.Range(0, TagExperts.Length).Where(t => TagExperts[t].Length > 0).ToArray();
        TagTerms = [.. vocabulary.Select(t => (t, tags[t], TextTokenizer.TagTerms(tags[t])))];
        times.Sort();
        AnswerTimes = [.. times];
        AverageDocumentLength = documentCount == 0 ? 1 : Math.Max(1, (double)totalLength / documentCount);
    }

    public string Community { get; }

    public int Count => Experts.Length;

    /// <summary>Every profile as indexed (see <see cref="Find"/>), in index order.</summary>
    public IEnumerable<ExpertProfile> Profiles => Experts.Select(e => e.Profile);

    /// <summary>Every tag known to the community (skills and history), the vocabulary topics are inferred from.</summary>
    public IEnumerable<string> Vocabulary => TagTerms.Select(t => t.Tag);

    internal IndexedExpert[] Experts { get; }

    internal TermTable Terms { get; }

    internal TermTable Tags { get; }

    internal Dictionary<string, int> ExpertById { get; }

    /// <summary>All past questions in expert order; expert e's are at [DocumentStart[e], DocumentStart[e + 1]).</summary>
    internal IndexedDocument[] Documents { get; }

    internal int[] DocumentStart { get; }

    internal int[] DocumentExpert { get; }

    /// <summary>Term id → (document position, count), ascending positions; empty for terms this snapshot lacks.</summary>
    internal Posting[][] Postings { get; }

    /// <summary>Tag id → experts with answers on it or a declared skill, ascending.</summary>
    internal int[][] TagExperts { get; }

    /// <summary>The vocabulary with each tag's words, for finding tags named in plain text.</summary>
    internal (int Id, string Tag, IReadOnlyList<string> Terms)[] TagTerms { get; }

    internal double AverageDocumentLength { get; }

    /// <summary>UTC ticks of each dated answer, ascending: recency counts the answers given since.</summary>
    internal long[] AnswerTimes { get; }

    internal Posting[] PostingsOf(string term) => Terms.Find(term) is var id and >= 0 && id < Postings.Length ? Postings[id] : NoPostings;

    internal int[] ExpertsOn(int tag) => tag >= 0 && tag < TagExperts.Length ? TagExperts[tag] : [];

    /// <summary>How many answers in the community are dated after <paramref name="at"/> and not after <paramref name="now"/>.</summary>
    internal int AnswersBetween(DateTimeOffset at, DateTimeOffset now) => CountUpTo(now.UtcTicks) - CountUpTo(at.UtcTicks);

    internal int CountUpTo(long ticks)
    {
        int low = 0, high = AnswerTimes.Length;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (AnswerTimes[middle] <= ticks)
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

    /// <summary>
    /// Activity and topic evidence for these options. They depend on "now" only through how many answers came after
    /// each one, which is fixed once now is past the latest answer: then they are computed once per snapshot.
    /// </summary>
    internal RoutingPriors Priors(RoutingOptions options, DateTimeOffset now)
    {
        var settled = AnswerTimes.Length == 0 || now.UtcTicks >= AnswerTimes[^1];
        var cached = Volatile.Read(ref _priors);
        if (settled && cached is not null && cached.Fits(options))
        {
            return cached;
        }

        var priors = RoutingPriors.Compute(this, options, now);
        if (settled)
        {
            Volatile.Write(ref _priors, priors);
        }

        return priors;
    }

    /// <summary>BM25 length norms and per-term bounds for these parameters, computed once per snapshot.</summary>
    internal Bm25Weights Bm25WeightsFor(RoutingOptions options)
    {
        var cached = Volatile.Read(ref _bm25Weights);
        if (cached is not null && cached.Fits(options))
        {
            return cached;
        }

        var weights = Bm25Weights.Compute(this, options);
        Volatile.Write(ref _bm25Weights, weights);
        return weights;
    }

    /// <summary>Who never takes requests and who is behind an Entra object id (built on first use).</summary>
    internal EligibilityIndex Eligibility
    {
        get
        {
            // No lambda here: a closure over this would allocate on every read, and routing reads it per request.
            if (Volatile.Read(ref _eligibility) is { } built)
            {
                return built;
            }

            Interlocked.CompareExchange(ref _eligibility, new EligibilityIndex(Experts), null);
            return _eligibility!;
        }
    }

    public static ExpertIndex Empty(string community) => new(community, [], new TermTable(), new TermTable());

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
                if (experts[at].IsBuiltFrom(profile))
                {
                    continue;
                }

                experts[at] = IndexedExpert.Create(profile, experts[at], Terms, Tags);
            }
            else
            {
                positions[profile.Id] = experts.Count;
                experts.Add(IndexedExpert.Create(profile, null, Terms, Tags));
            }
        }

        return new ExpertIndex(Community, [.. experts], Terms, Tags);
    }

    /// <summary>A new snapshot without these experts.</summary>
    public ExpertIndex WithoutProfiles(IEnumerable<string> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var removed = ids.ToHashSet(StringComparer.Ordinal);
        return new ExpertIndex(Community, [.. Experts.Where(e => !removed.Contains(e.Profile.Id))], Terms, Tags);
    }

    /// <summary>The tags held by the most experts (skills or answer history), most first, ties by name.</summary>
    public IReadOnlyList<(string Topic, int Experts)> TopTopics(int count) =>
        [.. TagTerms.Select(t => (Topic: t.Tag, Experts: TagExperts[t.Id].Length))
            .OrderByDescending(t => t.Experts).ThenBy(t => t.Topic, StringComparer.Ordinal).Take(Math.Max(0, count))];

    /// <summary>The profile as indexed: history items keep title, tags and date, not their body text.</summary>
    public ExpertProfile? Find(string id) => id is not null && ExpertById.TryGetValue(id, out var at) ? Experts[at].Profile : null;

    internal readonly record struct Posting(int Document, int Count);
}
