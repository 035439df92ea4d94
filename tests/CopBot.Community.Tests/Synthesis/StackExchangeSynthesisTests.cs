// Real threads from the Stack Exchange dumps beside the repository (see RoutingEvaluationTests for the data fact).
#if ROUTING_EVAL
using System.Diagnostics;
using CopBot.Community.Tests.Routing;
using CopBot.RoutingEval;

namespace CopBot.Community.Tests.Synthesis;

public class StackExchangeSynthesisTests
{
    private static readonly Lazy<StackExchangeDump> Beer = new(() => StackExchangeDump.Load(StackExchangeDataFactAttribute.Folder("beer")));
    private static readonly Lazy<StackExchangeDump> MathEducators = new(() => StackExchangeDump.Load(StackExchangeDataFactAttribute.Folder("matheducators")));

    private readonly ExtractiveSynthesizer _engine = new();

    [StackExchangeDataFact]
    public void Synthesize_EveryBeerThread_EachContributionOnAPointOrCredited()
    {
        var threads = Threads(Beer.Value, minAnswers: 2).ToList();
        Assert.True(threads.Count > 100, $"only {threads.Count} threads");
        var onPoints = 0;
        var eligible = 0;
        foreach (var request in threads)
        {
            var draft = _engine.Synthesize(request);
            var pointed = draft.AllPoints.SelectMany(p => p.ContributionIds).ToHashSet();
            var credited = draft.Contributors.Select(c => c.Id).ToHashSet();
            foreach (var contribution in request.Contributions)
            {
                Assert.True(pointed.Contains(contribution.Id) || credited.Contains(contribution.Author.Id), $"{request.Id}: {contribution.Id} neither on a point nor credited");
                if (HasStatement(contribution) && request.Contributions.Count <= _engine.Options.MaxKeyPoints)
                {
                    eligible++;
                    onPoints += pointed.Contains(contribution.Id) ? 1 : 0;
                }
            }

            Assert.Equal(request.Contributions.Select(c => c.Author.Id).Distinct().Order(), credited.Order());
        }

        // Threads that fit on the card: every contribution that states something is quoted or credited on a point.
        Assert.Equal(eligible, onPoints);
    }

    [StackExchangeDataFact]
    public void Synthesize_EveryBeerThread_NoTwoPointsAreDuplicates()
    {
        var compared = 0;
        foreach (var request in Threads(Beer.Value, minAnswers: 3))
        {
            var draft = _engine.Synthesize(request);
            var thread = ThreadSentences.Build(request, CancellationToken.None);
            var vectors = draft.AllPoints.Select(p => VectorOf(thread, p)).ToList();
            for (var i = 0; i < vectors.Count; i++)
            {
                for (var j = i + 1; j < vectors.Count; j++)
                {
                    var similarity = vectors[i].Cosine(vectors[j]);
                    Assert.True(similarity < _engine.Options.DuplicateThreshold, $"{request.Id}: points {i} and {j} are {similarity:0.00} similar");
                    compared++;
                }
            }

            Assert.Equal(draft.AllPoints.Count(), draft.AllPoints.Select(p => p.Text).Distinct().Count());
        }

        Assert.True(compared > 1000, $"only {compared} pairs compared");
    }

    [StackExchangeDataFact]
    public void Synthesize_FiveHundredContributions_CompletesWithinSecondsAndFitsLimits()
    {
        var dump = MathEducators.Value;
        var question = dump.Questions[0];
        var request = new SynthesisRequest(
            "default", "big", "discuss", question.Title + " " + question.Body, new Contributor(question.OwnerId ?? "?", "asker"), question.At,
            [.. dump.Answers.Take(500).Select(a => new SynthesisContribution($"a{a.Id}", new Contributor(a.OwnerId, "user " + a.OwnerId), a.Body, a.At))]);
        Assert.Equal(500, request.Contributions.Count);

        var watch = Stopwatch.StartNew();
        var draft = _engine.Synthesize(request);
        watch.Stop();

        // A generous bound on a shared 2-core machine (typically well under one second), not a performance claim.
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
        Assert.Equal(500, draft.Statistics.Contributions);
        Assert.InRange(draft.KeyPoints.Count(), 1, _engine.Options.MaxKeyPoints);
        Assert.True(draft.AllPoints.Average(p => p.ContributionIds.Count) >= 1);
        Assert.Equal(request.Contributions.Select(c => c.Author.Id).Distinct().Count(), draft.Contributors.Count);
    }

    private static IEnumerable<SynthesisRequest> Threads(StackExchangeDump dump, int minAnswers)
    {
        var answers = dump.Answers.ToLookup(a => a.QuestionId);
        foreach (var question in dump.Questions.Where(q => answers[q.Id].Count() >= minAnswers))
        {
            yield return new SynthesisRequest(
                "default", $"se-{question.Id}", "query", question.Title + " " + question.Body, new Contributor(question.OwnerId ?? "?", "asker"), question.At,
                [.. answers[question.Id].Select(a => new SynthesisContribution($"a{a.Id}", new Contributor(a.OwnerId, "user " + a.OwnerId), a.Body, a.At))]);
        }
    }

    private bool HasStatement(SynthesisContribution contribution) =>
        SentenceSplitter.Split(contribution.Text).Any(s => !SentenceCues.IsQuestion(s) && TextTokenizer.Tokenize(s).Count >= _engine.Options.MinTerms);

    private TermVector VectorOf(ThreadSentences thread, KeyPoint point) =>
        thread.Sentences.First(s => SynthesisFacts.Shorten(s.Text, _engine.Options.MaxPointLength) == point.Text).Vector;
}
#endif
