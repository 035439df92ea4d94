using System.Globalization;
using System.Text;

namespace CopBot.RoutingEval;

/// <summary>Markdown tables of an evaluation run with bootstrap 95% intervals.</summary>
public static class Report
{
    public static double Mrr(EvaluationRun run, string contender)
    {
        ArgumentNullException.ThrowIfNull(run);
        return run.Metrics[contender].Select(m => m.Rr).DefaultIfEmpty().Average();
    }

    public static string Table(string site, EvaluationRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"### {site}, {run.Split} split ({run.Questions} test questions)");
        text.AppendLine();
        text.AppendLine("| ranker | P@1 | P@5 | MRR | nDCG@10 |");
        text.AppendLine("|---|---|---|---|---|");
        foreach (var (name, metrics) in run.Metrics)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {name} | {Estimate.Of([.. metrics.Select(m => m.P1)])} | {Estimate.Of([.. metrics.Select(m => m.P5)])} | {Estimate.Of([.. metrics.Select(m => m.Rr)])} | {Estimate.Of([.. metrics.Select(m => m.Ndcg10)])} |");
        }

        return text.ToString();
    }
}
