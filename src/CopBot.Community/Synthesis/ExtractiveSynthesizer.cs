namespace CopBot.Community;

/// <summary>
/// The offline engine: sentences scored by TF-IDF centrality and relevance to the request, near-duplicates merged into
/// one point with all their contributors, points grouped into themes by shared key terms, and sections (next steps,
/// disagreements, open questions) picked by surface cues. Deterministic and linear in the size of the thread, apart
/// from comparisons against the few points chosen.
/// </summary>
public sealed class ExtractiveSynthesizer(ExtractiveOptions? options = null) : ISynthesisEngine
{
    public const string EngineName = "extractive";

    private readonly ExtractiveOptions _options = options ?? new ExtractiveOptions();

    public ExtractiveOptions Options => _options;

    public Task<SynthesisDraft> SynthesizeAsync(SynthesisRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(Synthesize(request, cancellationToken));

    public SynthesisDraft Synthesize(SynthesisRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var thread = ThreadSentences.Build(request, cancellationToken);
        var selector = new PointSelector(thread, _options);
        // Sections pick before the key points are topped up, or a short thread's recommendations would all be points.
        var keyPoints = selector.KeyPointPerContribution(cancellationToken);
        var nextSteps = selector.NextSteps();
        var disagreements = selector.Disagreements();
        var questions = selector.OpenQuestions();
        keyPoints.AddRange(selector.MoreKeyPoints(keyPoints.Count));
        selector.CreditDuplicates(cancellationToken);

        var themes = ThemeGrouper.Group(keyPoints, thread, _options.MaxThemes)
            .Select(t => new Theme(t.Label, [.. t.Points.OrderByDescending(p => p.Sentence.Score).Select(p => ToKeyPoint(p, request))]))
            .ToList();
        return new SynthesisDraft(
            request.Id,
            request.Text,
            Synopsis(keyPoints),
            themes,
            SynthesisFacts.Resources(request, _options.MaxResources),
            [.. disagreements.Select(p => ToKeyPoint(p, request))],
            [.. questions.Select(p => ToKeyPoint(p, request))],
            [.. nextSteps.Select(p => ToKeyPoint(p, request))],
            SynthesisFacts.Credits(request),
            SynthesisFacts.Statistics(request),
            EngineName);
    }

    /// <summary>The best few points, in the order they were contributed, so the synopsis reads as the thread did.</summary>
    private string Synopsis(IReadOnlyList<SelectedPoint> keyPoints)
    {
        var text = string.Empty;
        foreach (var point in keyPoints.OrderByDescending(p => p.Sentence.Score).Take(3)
            .OrderBy(p => p.Sentence.Contribution).ThenBy(p => p.Sentence.Position))
        {
            var next = text.Length == 0 ? point.Sentence.Text : text + " " + point.Sentence.Text;
            if (next.Length > _options.MaxSynopsisLength && text.Length > 0)
            {
                break;
            }

            text = next;
        }

        return SynthesisFacts.Shorten(text, _options.MaxSynopsisLength);
    }

    private KeyPoint ToKeyPoint(SelectedPoint point, SynthesisRequest request)
    {
        var contributions = point.Contributions.Select(i => request.Contributions[i]).ToList();
        return new KeyPoint(
            SynthesisFacts.Shorten(point.Sentence.Text, _options.MaxPointLength),
            [.. contributions.Select(c => c.Author.Id).Distinct(StringComparer.Ordinal)],
            [.. contributions.Select(c => c.Id)]);
    }
}
