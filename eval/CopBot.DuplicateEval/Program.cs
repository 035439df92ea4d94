using System.Globalization;
using CopBot.Community;
using CopBot.DuplicateEval;
using CopBot.RoutingEval;

// Usage: CopBot.DuplicateEval <site folder>... [--body-chars N]
// Measures the knowledge base's duplicate check (KnowledgeIndex similarity of the best hit against a threshold).
var folders = args.TakeWhile(a => !a.StartsWith("--", StringComparison.Ordinal)).ToList();
if (folders.Count == 0 || folders.Any(f => !Directory.Exists(f)))
{
    Console.Error.WriteLine("usage: CopBot.DuplicateEval <stack exchange site folder with Posts.xml>... [--body-chars N]");
    return 2;
}

var bodyChars = Array.IndexOf(args, "--body-chars") is var at and >= 0 && at + 1 < args.Length
    ? int.Parse(args[at + 1], CultureInfo.InvariantCulture)
    : 300;
double[] thresholds = [0.3, 0.4, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.9];
foreach (var folder in folders)
{
    var site = Path.GetFileName(Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar));
    var (index, probes) = DuplicateEvaluation.Build(StackExchangeDump.Load(folder), bodyChars);
    var outcomes = DuplicateEvaluation.Run(index, probes);
    Console.WriteLine($"## {site}: {index.Count} entries; {probes.Count(p => p.ExpectedId is not null)} duplicate probes, {probes.Count(p => p.ExpectedId is null)} new-question probes (body cut at {bodyChars} chars)");
    Console.WriteLine();
    Console.WriteLine("| threshold | form | offered | correct | precision | recall |");
    Console.WriteLine("|---|---|---|---|---|---|");
    foreach (var threshold in thresholds)
    {
        foreach (var form in new[] { "title", "body", "both" })
        {
            var selected = outcomes.Where(o => form == "both" || o.Probe.Form == form);
            var (precision, recall, offered, correct, _) = DuplicateEvaluation.At(selected, threshold);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {threshold:0.00} | {form} | {offered} | {correct} | {precision:0.000} | {recall:0.000} |"));
        }
    }

    Console.WriteLine();
    var falsePositives = outcomes.Where(o => o.Probe.ExpectedId is null && o.Best is { Similarity: >= 0.6 }).OrderByDescending(o => o.Best!.Similarity).Take(5);
    Console.WriteLine("Most similar new questions (offered at 0.60; check by eye whether they are real duplicates):");
    foreach (var o in falsePositives)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"- {o.Best!.Similarity:0.00} \"{Short(o.Probe.Text)}\" → \"{Short(o.Best.Entry.Title)}\""));
    }

    Console.WriteLine();
}

return 0;

static string Short(string text) => text.Length <= 90 ? text : text[..90] + "…";
