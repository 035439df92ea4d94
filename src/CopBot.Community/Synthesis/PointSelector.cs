namespace CopBot.Community;

/// <summary>
/// Chooses the sentences of each section with redundancy removal: a sentence too similar to one already chosen (in any
/// section) is never chosen again; it credits its contribution to that point instead, so agreement shows as more
/// contributors on one point rather than as repeated points.
/// </summary>
public sealed class PointSelector(ThreadSentences thread, ExtractiveOptions options)
{
    private readonly List<SelectedPoint> _all = [];
    private readonly HashSet<ThreadSentence> _chosen = [];

    public IReadOnlyList<SelectedPoint> All => _all;

    /// <summary>
    /// Key points, first round: the best sentence of each contribution (best contributions first), so every voice is
    /// heard while there is room.
    /// </summary>
    public List<SelectedPoint> KeyPointPerContribution(CancellationToken cancellationToken)
    {
        var points = new List<SelectedPoint>();
        var candidates = thread.Sentences.Where(s => IsEligible(s) && !s.IsQuestion).ToList();
        var byContribution = candidates.GroupBy(s => s.Contribution)
            .Select(g => g.OrderByDescending(s => s.Score).ToList())
            .OrderByDescending(g => g[0].Score)
            .ToList();
        foreach (var sentences in byContribution)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (points.Count >= options.MaxKeyPoints)
            {
                break;
            }

            if (sentences.FirstOrDefault(s => !IsDuplicate(s)) is { } best)
            {
                points.Add(Choose(best));
            }
        }

        return points;
    }

    /// <summary>
    /// Key points, last round: the best sentences left, up to a share of the thread so a short thread is summarised
    /// rather than repeated whole.
    /// </summary>
    public IReadOnlyList<SelectedPoint> MoreKeyPoints(int alreadyChosen)
    {
        var candidates = thread.Sentences.Where(s => IsEligible(s) && !s.IsQuestion).ToList();
        var room = Math.Min(options.MaxKeyPoints, Math.Max(alreadyChosen, (int)Math.Ceiling(candidates.Count * FillShare)));
        return Take(candidates, room - alreadyChosen);
    }

    private const double FillShare = 0.4;

    // "See https://…" is a resource, already listed with the links, not a step.
    public IReadOnlyList<SelectedPoint> NextSteps() =>
        Take(thread.Sentences.Where(s => IsEligible(s) && s.IsRecommendation && TermsOutsideLinks(s.Text) >= options.MinTerms), options.MaxPerSection);

    private static int TermsOutsideLinks(string text) =>
        TextTokenizer.Tokenize(LinkExtractor.Find(text).Aggregate(text, (t, link) => t.Replace(link, " ", StringComparison.OrdinalIgnoreCase))).Count;

    public IReadOnlyList<SelectedPoint> Disagreements() =>
        Take(thread.Sentences.Where(s => IsEligible(s) && s.IsContrast && !s.IsQuestion), options.MaxPerSection);

    public IReadOnlyList<SelectedPoint> OpenQuestions() => Take(thread.Sentences.Where(s => IsEligible(s) && s.IsQuestion), options.MaxPerSection);

    /// <summary>Credits every sentence not chosen to the most similar chosen point, when it is a near-duplicate.</summary>
    public void CreditDuplicates(CancellationToken cancellationToken)
    {
        foreach (var sentence in thread.Sentences)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (_chosen.Contains(sentence) || sentence.Vector.IsEmpty)
            {
                continue;
            }

            SelectedPoint? closest = null;
            var best = options.DuplicateThreshold;
            foreach (var point in _all)
            {
                var similarity = point.Sentence.Vector.Cosine(sentence.Vector);
                if (similarity >= best)
                {
                    (closest, best) = (point, similarity);
                }
            }

            closest?.Credit(sentence.Contribution);
        }
    }

    private List<SelectedPoint> Take(IEnumerable<ThreadSentence> candidates, int count)
    {
        var taken = new List<SelectedPoint>();
        foreach (var sentence in candidates.OrderByDescending(s => s.Score).ThenBy(s => s.Contribution).ThenBy(s => s.Position))
        {
            if (taken.Count >= count)
            {
                break;
            }

            if (!_chosen.Contains(sentence) && !IsDuplicate(sentence))
            {
                taken.Add(Choose(sentence));
            }
        }

        return taken;
    }

    private bool IsEligible(ThreadSentence sentence) => sentence.TermCount >= options.MinTerms;

    private bool IsDuplicate(ThreadSentence sentence) => _all.Any(p => p.Sentence.Vector.Cosine(sentence.Vector) >= options.DuplicateThreshold);

    private SelectedPoint Choose(ThreadSentence sentence)
    {
        var point = new SelectedPoint(sentence);
        _all.Add(point);
        _chosen.Add(sentence);
        return point;
    }
}
