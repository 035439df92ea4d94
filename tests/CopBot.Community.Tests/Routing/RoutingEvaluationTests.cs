// Needs the evaluation harness: the test project references eval/CopBot.RoutingEval and defines ROUTING_EVAL
// (see docs/routing.md). Without them this file compiles to nothing, so copying the folder alone never breaks a build.
#if ROUTING_EVAL
using CopBot.RoutingEval;

namespace CopBot.Community.Tests.Routing;

public class RoutingEvaluationTests
{
    [StackExchangeDataFact]
    public void Rolling_MatheducatorsData_ProductMrrBeatsPopularity()
    {
        var dump = StackExchangeDump.Load(StackExchangeDataFactAttribute.Folder("matheducators"));
        var evaluation = new Evaluation(dump);
        Contender[] contenders =
        [
            new("popularity", Rankers.Popularity, true),
            new("product", Rankers.Product(new RoutingOptions()), true),
            new("product, text only", Rankers.Product(new RoutingOptions()), false),
        ];

        var run = evaluation.Rolling(contenders, evaluation.FirstTestQuestion, dump.Questions.Count);

        Assert.True(run.Questions > 150, $"only {run.Questions} test questions");
        var popularity = Report.Mrr(run, "popularity");
        Assert.True(Report.Mrr(run, "product") > popularity, $"MRR {Report.Mrr(run, "product"):0.000} vs popularity {popularity:0.000}");
        Assert.True(Report.Mrr(run, "product, text only") > popularity, $"text-only MRR {Report.Mrr(run, "product, text only"):0.000} vs popularity {popularity:0.000}");
    }
}

/// <summary>A fact that needs the Stack Exchange data beside the repository (<c>../shared/data/stackexchange</c>).</summary>
public sealed class StackExchangeDataFactAttribute : FactAttribute
{
    public StackExchangeDataFactAttribute()
    {
        if (!Directory.Exists(Folder("matheducators")))
        {
            Skip = $"Stack Exchange data not found at {Folder("matheducators")} (expected at <repo root>/../shared/data/stackexchange).";
        }
    }

    public static string Folder(string site)
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CopBot.sln")))
        {
            directory = directory.Parent;
        }

        var root = directory?.FullName ?? AppContext.BaseDirectory;
        return Path.GetFullPath(Path.Combine(root, "..", "shared", "data", "stackexchange", site));
    }
}
#endif
