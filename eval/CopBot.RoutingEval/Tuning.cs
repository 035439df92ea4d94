using System.Globalization;
using CopBot.Community;

namespace CopBot.RoutingEval;

/// <summary>A small grid search on the first half of the test period only; the second half stays untouched.</summary>
public static class Tuning
{
    // The last grid searched (earlier ones varied half-lives, activity floor and weights more widely; see docs/routing.md).
    private static readonly double[] Priors = [1.5, 2.0];
    private static readonly double[] Topics = [0, 0.75, 1.0];
    private static readonly double[] Texts = [0, 0.5];
    private static readonly int[] Similar = [10, 30];
    private static readonly double[] Dampings = [1, 0.25];
    private static readonly double?[] HalfLives = [50, null];

    public static void Run(Evaluation evaluation, int from, int to)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        var grid =
            from prior in Priors
            from topic in Topics
            from text in Texts
            from similar in Similar
            from damping in Dampings
            from halfLife in HalfLives
            select new RoutingOptions
            {
                PriorWeight = prior,
                TopicWeight = topic,
                TextWeight = text,
                SimilarQuestions = similar,
                UnmatchedPriorFactor = damping,
                ActivityHalfLife = halfLife,
            };
        var contenders = grid.SelectMany((options, i) => new[]
        {
            new Contender(Name(i, options, "tags"), Rankers.Product(options), true),
            new Contender(Name(i, options, "text"), Rankers.Product(options), false),
        }).ToList();
        var run = evaluation.Rolling(contenders, from, to);
        foreach (var (name, _) in run.Metrics.OrderByDescending(m => Report.Mrr(run, m.Key)))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Report.Mrr(run, name):0.000}  {name}"));
        }
    }

    private static string Name(int i, RoutingOptions o, string input) => string.Create(CultureInfo.InvariantCulture,
        $"#{i} {input} prior={o.PriorWeight} topic={o.TopicWeight} text={o.TextWeight} damping={o.UnmatchedPriorFactor} similar={o.SimilarQuestions} halfLife={o.ActivityHalfLife} topicHalfLife={o.TopicHalfLife}");
}
