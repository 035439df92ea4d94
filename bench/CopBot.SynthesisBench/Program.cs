using System.Diagnostics;
using System.Globalization;
using CopBot.Community;
using CopBot.RoutingEval;

// Extractive synthesis time by thread size on real answers (Stack Exchange math educators), against a baseline
// measured in the same run: the same sentences compared all-pairs, what a redundancy pass over every sentence (plain
// MMR, or pairwise deduplication) costs. Usage: dotnet run -c Release --project bench/CopBot.SynthesisBench -- [--sizes 50,100,250,500,1000] [--runs 5] [--data <folder>]
var sizes = Option("--sizes", "50,100,250,500,1000").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToList();
var runs = int.Parse(Option("--runs", "5"), CultureInfo.InvariantCulture);
var folder = Option("--data", Path.Combine(RepositoryRoot(), "..", "shared", "data", "stackexchange", "matheducators"));
var dump = StackExchangeDump.Load(folder);
var engine = new ExtractiveSynthesizer();
var question = dump.Questions[0];

Console.WriteLine($"Run: {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC. Machine: {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}. Median of {runs} runs after one warm-up.");
Console.WriteLine();
Console.WriteLine("| contributions | sentences | extractive synthesis p50 (ms) | all-pairs baseline p50 (ms) | ratio | key points | credited on points |");
Console.WriteLine("|---|---|---|---|---|---|---|");
foreach (var size in sizes)
{
    var request = new SynthesisRequest("default", "bench", "discuss", question.Title + " " + question.Body, new Contributor("asker", "asker"), question.At,
        [.. dump.Answers.Take(size).Select(a => new SynthesisContribution($"a{a.Id}", new Contributor(a.OwnerId, "user " + a.OwnerId), a.Body, a.At))]);
    var draft = engine.Synthesize(request);
    var synthesis = Median(runs, () => engine.Synthesize(request));
    var sentences = ThreadSentences.Build(request, CancellationToken.None).Sentences.Count;
    var baseline = Median(runs, () => AllPairs(request));
    var credited = draft.AllPoints.SelectMany(p => p.ContributionIds).Distinct().Count();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {request.Contributions.Count:N0} | {sentences:N0} | {synthesis:0.0} | {baseline:0.0} | **{baseline / synthesis:0.0}×** | {draft.KeyPoints.Count()} | {credited} |"));
}

static double AllPairs(SynthesisRequest request)
{
    var sentences = ThreadSentences.Build(request, CancellationToken.None).Sentences;
    var sum = 0.0;
    for (var i = 0; i < sentences.Count; i++)
    {
        for (var j = i + 1; j < sentences.Count; j++)
        {
            sum += sentences[i].Vector.Cosine(sentences[j].Vector);
        }
    }

    return sum;
}

static double Median(int runs, Action work)
{
    work();
    var times = new List<double>();
    for (var i = 0; i < runs; i++)
    {
        var watch = Stopwatch.StartNew();
        work();
        times.Add(watch.Elapsed.TotalMilliseconds);
    }

    times.Sort();
    return times[times.Count / 2];
}

string Option(string name, string fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
}

static string RepositoryRoot()
{
    var directory = new DirectoryInfo(AppContext.BaseDirectory);
    while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CopBot.sln")))
    {
        directory = directory.Parent;
    }

    return directory?.FullName ?? Directory.GetCurrentDirectory();
}
