using System.Diagnostics;
using CopBot.Community;
using CopBot.RoutingEval;

// Usage: CopBot.RoutingEval <site folder> [--tune] [--via-storage <connection string>]
//        CopBot.RoutingEval --signals <site folder> <site folder> ... (the study of extra signals, see SignalStudy)
//        CopBot.RoutingEval --mixture <site folder> <site folder> ... (mixture of priors and answer text, see MixtureStudy)
//        CopBot.RoutingEval --nonlinear <site folder> <site folder> ... (boosted trees and feedback, see NonlinearStudy)
if (args.Length > 1 && args[0] == "--signals")
{
    SignalStudy.Run([.. args.Skip(1)]);
    return 0;
}

if (args.Length > 1 && args[0] == "--mixture")
{
    MixtureStudy.Run([.. args.Skip(1)]);
    return 0;
}

if (args.Length > 1 && args[0] == "--nonlinear")
{
    NonlinearStudy.Run([.. args.Skip(1)]);
    return 0;
}

if (args.Length == 0 || !Directory.Exists(args[0]))
{
    Console.Error.WriteLine("usage: CopBot.RoutingEval <stack exchange site folder with Posts.xml> [--tune] [--via-storage <connection string>]");
    return 2;
}

var clock = Stopwatch.StartNew();
var site = Path.GetFileName(Path.GetFullPath(args[0]).TrimEnd(Path.DirectorySeparatorChar));
var dump = StackExchangeDump.Load(args[0]);
var evaluation = new Evaluation(dump);
var from = evaluation.FirstTestQuestion;
var to = dump.Questions.Count;
Console.WriteLine($"{site}: {dump.Questions.Count} questions, {dump.Answers.Count} answers; test questions from #{from} ({dump.Questions[from].At:yyyy-MM-dd})");

if (args.Contains("--tune"))
{
    Tuning.Run(evaluation, from, from + ((to - from) / 2));
    return 0;
}

var storage = Array.IndexOf(args, "--via-storage") is var at and >= 0 && at + 1 < args.Length ? args[at + 1] : null;
var options = new RoutingOptions();
Contender[] contenders =
[
    new("random", Rankers.Random, true),
    new("popularity", Rankers.Popularity, true),
    new("tag overlap", Rankers.TagOverlap, true),
    new("BM25 per user", Rankers.Bm25, false),
    new("CopBot, question with tags", Rankers.Product(options), true),
    new("CopBot, text only", Rankers.Product(options), false),
];

var rolling = evaluation.Rolling(contenders, from, to);
Console.WriteLine();
Console.WriteLine(Report.Table(site, rolling));
var heldOut = evaluation.Rolling(contenders, from + ((to - from) / 2), to);
Console.WriteLine(Report.Table(site + " (second half of the test period only: never used for tuning)", heldOut));
var fixedRun = evaluation.Fixed(contenders, from, to, storage is null ? null : state => StorageImport.Through(state, storage, site));
Console.WriteLine(Report.Table(site + (storage is null ? "" : " (index built from Table Storage)"), fixedRun));
Console.WriteLine($"elapsed {clock.Elapsed.TotalSeconds:0.0} s");
return 0;
