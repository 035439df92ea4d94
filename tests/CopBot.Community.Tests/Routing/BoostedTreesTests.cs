// Needs the evaluation harness (see RoutingEvaluationTests): without ROUTING_EVAL this file compiles to nothing.
#if ROUTING_EVAL
using CopBot.RoutingEval;

namespace CopBot.Community.Tests.Routing;

public class BoostedTreesTests
{
    // The answerer is the one candidate whose first feature lies in a middle band: no weighted sum of the features
    // (monotone in each) can put it first, a depth-2 tree can.
    private static List<TrainingQuestion> Questions(int seed, int count)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(_ =>
        {
            var answerer = random.Next(20);
            var rows = Enumerable.Range(0, 20).Select(i =>
            {
                var band = i == answerer
                    ? 0.45 + (0.1 * random.NextDouble())
                    : random.Next(2) == 0 ? 0.4 * random.NextDouble() : 0.6 + (0.4 * random.NextDouble());
                return new[] { band, random.NextDouble(), random.NextDouble() };
            }).ToArray();
            return new TrainingQuestion(rows, [.. Enumerable.Range(0, 20).Select(i => i == answerer)], 1);
        })];
    }

    private static double Mrr(BoostedTrees model, List<TrainingQuestion> questions) => questions.Average(q =>
    {
        var scores = q.Rows.Select(r => model.Score(r, model.Count)).ToArray();
        var answerer = Array.IndexOf(q.Relevant, true);
        return 1.0 / (1 + scores.Count(s => s > scores[answerer]));
    });

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Fit_AnswererInAMiddleBand_RanksUnseenAnswerersFirst(bool lambda)
    {
        var model = BoostedTrees.Fit(Questions(1, 100), lambda ? BoostLoss.Lambda : BoostLoss.Pointwise, 2, 50, 0.1);

        var mrr = Mrr(model, Questions(2, 100));

        Assert.True(mrr > 0.95, $"MRR {mrr:0.000} on unseen questions");
        Assert.Equal(50, model.Count);
    }

    [Fact]
    public void Fit_SameQuestionsTwice_GivesTheSameScores()
    {
        var training = Questions(3, 60);
        var first = BoostedTrees.Fit(training, BoostLoss.Lambda, 3, 30, 0.1);
        var second = BoostedTrees.Fit(training, BoostLoss.Lambda, 3, 30, 0.1);

        var rows = Questions(4, 10).SelectMany(q => q.Rows).ToList();
        Assert.Equal(rows.Select(r => first.Score(r, 30)), rows.Select(r => second.Score(r, 30)));
        Assert.NotEqual(rows.Select(r => first.Score(r, 30)), rows.Select(r => first.Score(r, 10)));
    }
}
#endif
