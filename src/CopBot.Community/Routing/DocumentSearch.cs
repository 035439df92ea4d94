namespace CopBot.Community;

/// <summary>
/// The past questions most similar to a query (BM25) without scoring every question that shares a word with it: at
/// 100k profiles words like "idea" occur in every question, and reading all their postings was most of a request.
/// Max-score pruning, term at a time. Terms are read highest upper bound first (<see cref="Bm25Weights"/>) into partial
/// scores. The results need the <see cref="RoutingOptions.SimilarQuestions"/> best questions and, for the gap test,
/// the best score of an eligible expert's question; the k-th best partial score and the best eligible partial score
/// are lower bounds of both (every term adds a positive amount). So
/// 1. once the bounds of the unread terms add up to less than that threshold, a question not yet touched cannot
///    matter: reading stops adding questions;
/// 2. the remaining terms only complete the touched questions that can still reach the threshold (walking the
///    postings, or looking the term up in each question when few are left), dropping the others as bounds shrink;
/// 3. the survivors are rescored from their own term lists in query order: the same additions in the same order as
///    the exhaustive <see cref="DocumentScorer"/>, so the scores are equal to the bit and the order (ties by position) too.
/// </summary>
internal sealed class DocumentSearch
{
    // Sums of bounds and of contributions are added in different orders; this margin absorbs the rounding.
    private const double RoundingSlack = 1e-9;

    // Looking a term up in a question (binary search in another object) costs about this many postings read in a row.
    private const int LookupCost = 8;

    [ThreadStatic]
    private static double[]? s_partial;

    [ThreadStatic]
    private static List<int>? s_touched;

    [ThreadStatic]
    private static List<int>? s_alive;

    private readonly ExpertIndex _index;
    private readonly RoutingOptions _options;
    private readonly Eligibility _eligibility;
    private readonly Bm25Weights _weights;
    private readonly double[] _partial;
    private readonly List<int> _touched;
    private readonly List<int> _alive;
    private double _threshold;

    private DocumentSearch(ExpertIndex index, RoutingOptions options, Eligibility eligibility, double[] partial, List<int> touched, List<int> alive)
    {
        (_index, _options, _eligibility, _partial, _touched, _alive) = (index, options, eligibility, partial, touched, alive);
        _weights = index.Bm25WeightsFor(options);
    }

    public static DocumentMatches Find(ExpertIndex index, IReadOnlyList<string> queryTerms, RoutingOptions options, Eligibility eligibility)
    {
        var terms = QueryTerms(index, queryTerms, options, out var ceiling);
        var n = index.Documents.Length;
        var partial = s_partial is { } reused && reused.Length >= n ? reused : new double[n];
        var touched = s_touched ?? [];
        var alive = s_alive ?? [];
        (s_partial, s_touched, s_alive) = (null, null, null);
        try
        {
            var search = new DocumentSearch(index, options, eligibility, partial, touched, alive);
            search.Prune(terms);
            return new DocumentMatches(search.Rescore(terms, out var bestEligible), ceiling, bestEligible);
        }
        finally
        {
            foreach (var position in touched)
            {
                partial[position] = 0;
            }

            touched.Clear();
            alive.Clear();
            (s_partial, s_touched, s_alive) = (partial, touched, alive);
        }
    }

    /// <summary>Leaves in the alive list the questions that can still matter, every term read or skipped; the others are dropped.</summary>
    private void Prune(List<QueryTerm> terms)
    {
        var byBound = terms.ToArray();
        // Highest bound first; equal bounds keep query order so runs repeat exactly.
        Array.Sort(byBound, (a, b) => a.Bound != b.Bound ? b.Bound.CompareTo(a.Bound) : a.Order.CompareTo(b.Order));
        var unread = new double[byBound.Length + 1];
        for (var i = byBound.Length - 1; i >= 0; i--)
        {
            unread[i] = unread[i + 1] + byBound[i].Bound;
        }

        var read = 0;
        var maxPartial = 0.0;
        for (; read < byBound.Length; read++)
        {
            // The threshold never exceeds the best partial score: only worth computing when it could stop the reading.
            if (unread[read] < maxPartial)
            {
                _threshold = LowerBound(_touched);
                if (unread[read] < _threshold - Slack)
                {
                    break;
                }
            }

            maxPartial = Math.Max(maxPartial, Accumulate(byBound[read]));
        }

        _alive.AddRange(_touched);
        Survive(unread[read]);
        for (; read < byBound.Length && _alive.Count > 0; read++)
        {
            Complete(byBound[read]);
            _threshold = Math.Max(_threshold, LowerBound(_alive));
            Survive(unread[read + 1]);
        }
    }

    private double Accumulate(QueryTerm term)
    {
        var max = 0.0;
        foreach (var posting in term.Postings)
        {
            var position = posting.Document;
            if (_partial[position] == 0)
            {
                _touched.Add(position);
            }

            _partial[position] += term.Idf * Weight(posting.Count, position);
            max = Math.Max(max, _partial[position]);
        }

        return max;
    }

    /// <summary>Adds <paramref name="term"/> to the alive questions only (dropped ones hold a negative partial score).</summary>
    private void Complete(QueryTerm term)
    {
        if ((long)_alive.Count * LookupCost < term.Postings.Length)
        {
            foreach (var position in _alive)
            {
                if (_index.Documents[position].CountOf(term.Id) is var count and > 0)
                {
                    _partial[position] += term.Idf * Weight(count, position);
                }
            }

            return;
        }

        foreach (var posting in term.Postings)
        {
            if (_partial[posting.Document] > 0)
            {
                _partial[posting.Document] += term.Idf * Weight(posting.Count, posting.Document);
            }
        }
    }

    /// <summary>Keeps alive the questions whose partial score plus what the <paramref name="unread"/> terms can add still reaches the threshold.</summary>
    private void Survive(double unread)
    {
        var floor = _threshold - unread - Slack;
        var kept = 0;
        for (var i = 0; i < _alive.Count; i++)
        {
            var position = _alive[i];
            if (_partial[position] >= floor)
            {
                _alive[kept++] = position;
            }
            else
            {
                _partial[position] = -1;
            }
        }

        _alive.RemoveRange(kept, _alive.Count - kept);
    }

    /// <summary>min(k-th best partial score, best partial score of an eligible expert's question): below both, a question is irrelevant.</summary>
    private double LowerBound(List<int> positions)
    {
        var k = _options.SimilarQuestions;
        if (k > positions.Count)
        {
            return 0;
        }

        // The k best values so far in a small array; most scores fall below its minimum and cost one comparison.
        var best = k > 0 ? new double[k] : [];
        var filled = 0;
        var (minimum, minimumAt) = (double.NegativeInfinity, 0);
        var bestEligible = 0.0;
        foreach (var position in positions)
        {
            var score = _partial[position];
            if (filled < k || score > minimum)
            {
                best[filled < k ? filled++ : minimumAt] = score;
                if (filled == k)
                {
                    (minimum, minimumAt) = Minimum(best);
                }
            }

            if (score > bestEligible && _eligibility.IsEligible(_index.DocumentExpert[position]))
            {
                bestEligible = score;
            }
        }

        var kth = k <= 0 ? double.PositiveInfinity : filled < k ? 0 : minimum;
        return Math.Min(kth, bestEligible);
    }

    private static (double Value, int At) Minimum(double[] values)
    {
        var at = 0;
        for (var i = 1; i < values.Length; i++)
        {
            if (values[i] < values[at])
            {
                at = i;
            }
        }

        return (values[at], at);
    }

    /// <summary>Exact scores of the survivors: the best of them (ties by position) and the best eligible one.</summary>
    private List<ScoredDocument> Rescore(List<QueryTerm> terms, out double bestEligible)
    {
        var best = new List<ScoredDocument>(Math.Max(0, _options.SimilarQuestions) + 1);
        bestEligible = 0.0;
        foreach (var position in _alive)
        {
            var score = 0.0;
            var document = _index.Documents[position];
            foreach (var term in terms)
            {
                if (document.CountOf(term.Id) is var count and > 0)
                {
                    score += term.Idf * Weight(count, position);
                }
            }

            ScoredDocument.Keep(best, new ScoredDocument(position, score), _options.SimilarQuestions);
            if (score > bestEligible && _eligibility.IsEligible(_index.DocumentExpert[position]))
            {
                bestEligible = score;
            }
        }

        return best;
    }

    private double Weight(int count, int position) => _weights.TermWeight(count, position);

    private double Slack => RoundingSlack * Math.Max(1, _threshold);

    /// <summary>Distinct query terms with postings, in query order, and the score of a perfect match (summed as the exhaustive scorer does).</summary>
    private static List<QueryTerm> QueryTerms(ExpertIndex index, IReadOnlyList<string> queryTerms, RoutingOptions options, out double ceiling)
    {
        var bounds = index.Bm25WeightsFor(options);
        var terms = new List<QueryTerm>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        ceiling = 0.0;
        foreach (var text in queryTerms)
        {
            var postings = index.PostingsOf(text);
            if (!seen.Add(text) || postings.Length == 0)
            {
                continue;
            }

            var id = index.Terms.Find(text);
            var idf = Bm25.Idf(index.Documents.Length, postings.Length);
            ceiling += Bm25.Ceiling(idf, options.Bm25K1);
            terms.Add(new QueryTerm(id, idf, idf * bounds.MaxTermWeight(id), terms.Count, postings));
        }

        return terms;
    }

    private readonly record struct QueryTerm(int Id, double Idf, double Bound, int Order, ExpertIndex.Posting[] Postings);
}

