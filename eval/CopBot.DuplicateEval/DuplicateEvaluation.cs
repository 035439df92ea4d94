using CopBot.Community;
using CopBot.RoutingEval;

namespace CopBot.DuplicateEval;

/// <summary>One question put to the duplicate check, and the entry it should find (null: none should be offered).</summary>
internal sealed record Probe(string Text, string? ExpectedId, string Form);

/// <summary>What the check did for one probe: the best hit, if any.</summary>
internal sealed record Outcome(Probe Probe, KnowledgeMatch? Best);

/// <summary>
/// The knowledge base holds the first half of the site's answered questions, published as the bot publishes them
/// (title = question, text = answers, topics = tags). Positive probes re-ask a kept question in another form (its
/// title alone, or its body alone); negative probes are later questions, which are not in the knowledge base.
/// </summary>
internal static class DuplicateEvaluation
{
    public static (KnowledgeIndex Index, IReadOnlyList<Probe> Probes) Build(StackExchangeDump dump, int bodyChars)
    {
        var answersByQuestion = dump.Answers.ToLookup(a => a.QuestionId);
        var half = dump.Questions.Count / 2;
        var kept = dump.Questions.Take(half).Where(q => answersByQuestion[q.Id].Any()).ToList();
        var entries = kept.Select(q => new KnowledgeEntry(
            "eval", KnowledgeKind.AnsweredQuery, q.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), q.Title,
            string.Join("\n", answersByQuestion[q.Id].Select(a => a.Body)), q.Tags, [], null, q.At)).ToList();
        var index = KnowledgeIndex.Build("eval", entries);

        var probes = new List<Probe>();
        foreach (var (q, entry) in kept.Zip(entries))
        {
            probes.Add(new Probe(q.Title, entry.Id, "title"));
            probes.Add(new Probe(Cut(q.Body, bodyChars), entry.Id, "body"));
        }

        foreach (var q in dump.Questions.Skip(half))
        {
            probes.Add(new Probe(q.Title, null, "title"));
            probes.Add(new Probe(Cut(q.Body, bodyChars), null, "body"));
        }

        return (index, probes);
    }

    public static IReadOnlyList<Outcome> Run(KnowledgeIndex index, IEnumerable<Probe> probes) =>
        [.. probes.Select(p => new Outcome(p, index.Search(p.Text, 5).OrderByDescending(m => m.Similarity).FirstOrDefault()))];

    /// <summary>Precision and recall when a match is offered at or above <paramref name="threshold"/>.</summary>
    public static (double Precision, double Recall, int Offered, int Correct, int Positives) At(IEnumerable<Outcome> outcomes, double threshold)
    {
        var list = outcomes.ToList();
        var offered = list.Where(o => o.Best is { } b && b.Similarity >= threshold).ToList();
        var correct = offered.Count(o => o.Probe.ExpectedId is { } id && o.Best!.Entry.Id == id);
        var positives = list.Count(o => o.Probe.ExpectedId is not null);
        return (offered.Count == 0 ? 1 : (double)correct / offered.Count, positives == 0 ? 0 : (double)correct / positives, offered.Count, correct, positives);
    }

    private static string Cut(string text, int chars) => text.Length <= chars ? text : text[..chars];
}
