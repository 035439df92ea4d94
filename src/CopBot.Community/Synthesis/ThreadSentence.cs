namespace CopBot.Community;

/// <summary>One sentence of one contribution, scored and with its cues.</summary>
/// <param name="Contribution">Index of the contribution in the request.</param>
/// <param name="Position">Index of the sentence within its contribution.</param>
public sealed record ThreadSentence(int Contribution, int Position, string Text, TermVector Vector, int TermCount, double Score)
{
    public bool IsQuestion { get; init; }

    public bool IsContrast { get; init; }

    public bool IsRecommendation { get; init; }
}

/// <summary>
/// Every sentence of a thread in one TF-IDF space, scored by centrality (cosine with the thread's centroid), relevance
/// (cosine with the request) and lead position (contributors tend to answer first and explain after).
/// </summary>
public sealed class ThreadSentences
{
    private const double CentralityWeight = 0.45;
    private const double RelevanceWeight = 0.35;
    private const double LeadWeight = 0.2;
    private const int FullLengthTerms = 6;

    private ThreadSentences(TermSpace space, TermVector request, IReadOnlyList<ThreadSentence> sentences)
    {
        Space = space;
        Request = request;
        Sentences = sentences;
    }

    public TermSpace Space { get; }

    public TermVector Request { get; }

    public IReadOnlyList<ThreadSentence> Sentences { get; }

    public static ThreadSentences Build(SynthesisRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var space = new TermSpace();
        var raw = new List<(int Contribution, int Position, string Text, IReadOnlyList<string> Terms)>();
        for (var c = 0; c < request.Contributions.Count; c++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var position = 0;
            foreach (var text in SentenceSplitter.Split(request.Contributions[c].Text))
            {
                var terms = TextTokenizer.Tokenize(text);
                space.AddDocument(terms);
                raw.Add((c, position++, text, terms));
            }
        }

        var vectors = raw.Select(r => space.Vector(r.Terms)).ToList();
        var centroid = Centroid(vectors);
        var requestVector = space.Vector(TextTokenizer.Tokenize(request.Text));
        var sentences = raw.Select((r, i) =>
        {
            var lead = r.Position switch { 0 => 1.0, 1 => 0.5, _ => 0.0 };
            var length = Math.Min(1.0, r.Terms.Count / (double)FullLengthTerms);
            var score = length * ((CentralityWeight * vectors[i].Cosine(centroid)) + (RelevanceWeight * vectors[i].Cosine(requestVector)) + (LeadWeight * lead));
            return new ThreadSentence(r.Contribution, r.Position, r.Text, vectors[i], r.Terms.Count, score)
            {
                IsQuestion = SentenceCues.IsQuestion(r.Text),
                IsContrast = SentenceCues.IsContrast(r.Text),
                IsRecommendation = SentenceCues.IsRecommendation(r.Text),
            };
        }).ToList();
        return new ThreadSentences(space, requestVector, sentences);
    }

    private static TermVector Centroid(IReadOnlyList<TermVector> vectors)
    {
        var sum = new Dictionary<int, double>();
        foreach (var vector in vectors)
        {
            for (var i = 0; i < vector.Terms.Count; i++)
            {
                sum[vector.Terms[i]] = sum.GetValueOrDefault(vector.Terms[i]) + vector.Weights[i];
            }
        }

        return TermVector.From(sum);
    }
}
