using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Serialization;
using CopBot.Community;

namespace CopBot.Cli;

/// <summary>
/// <c>route "&lt;question&gt;" [--tag T]… [--exclude ID]… [--top N] [--json]</c> and <c>route --batch file.jsonl</c>:
/// a dry run of the bot's own ranker on the index built from the configured storage. Batch mode pays the
/// start-up and index build once, so evaluations can route thousands of questions.
/// </summary>
internal static class RouteCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    private sealed record BatchLine(string? Text, IReadOnlyList<string>? Tags, IReadOnlyList<string>? Exclude);

    private sealed record RoutedExpert(string Id, string Name, double Score, IReadOnlyList<string> Why);

    private sealed record RouteOutput(IReadOnlyList<RoutedExpert>? Experts, IReadOnlyList<string>? InferredTopics, bool? IsGap, string? Error = null);

    public static Command Create(Func<ServiceProvider> services, TextWriter output, TextWriter errors)
    {
        var question = new Argument<string?>("question") { Description = "The question, as a member would type it.", Arity = ArgumentArity.ZeroOrOne };
        var tags = new Option<string[]>("--tag") { Description = "A topic tag (repeatable)." };
        var exclude = new Option<string[]>("--exclude") { Description = "A member id never to route to, e.g. the asker (repeatable)." };
        var top = new Option<int>("--top") { Description = "How many experts to return.", DefaultValueFactory = _ => 3 };
        var json = new Option<bool>("--json") { Description = "Print {\"experts\":[{id,name,score,why}]} instead of text." };
        var batch = new Option<FileInfo?>("--batch") { Description = "JSON Lines of {\"text\",\"tags\",\"exclude\"}; one result per line out, in order." };
        var community = new Option<string>("--community") { Description = "The community to route in.", DefaultValueFactory = _ => ExpertProfile.DefaultCommunity };
        var command = new Command("route", "Dry-run expert routing against the configured storage.") { question, tags, exclude, top, json, batch, community };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var topN = parse.GetValue(top);
            if (topN is < 1 or > 100)
            {
                await errors.WriteLineAsync("--top must be between 1 and 100.");
                return 2;
            }

            await using var provider = services();
            var communityName = parse.GetValue(community)!;
            var index = await ExpertIndex.BuildAsync(provider.GetRequiredService<IProfileStore>(), communityName, cancellationToken);
            var router = new Router(index, new ExpertRanker(new RoutingOptions()), await LiveContextAsync(provider, communityName, cancellationToken));
            if (parse.GetValue(batch) is { } file)
            {
                return await RouteBatchAsync(router, file, topN, output, errors, cancellationToken);
            }

            if (string.IsNullOrWhiteSpace(parse.GetValue(question)))
            {
                await errors.WriteLineAsync("Give a question, or --batch <file.jsonl>.");
                return 2;
            }

            var result = router.Route(parse.GetValue(question)!, parse.GetValue(tags) ?? [], parse.GetValue(exclude) ?? [], topN);
            await (parse.GetValue(json) ? output.WriteLineAsync(JsonSerializer.Serialize(result, Json)) : WriteTextAsync(result, output));
            return 0;
        });
        return command;
    }

    /// <summary>The bot's own routing context (open requests, learned feedback), read once for the whole run.</summary>
    private static async Task<RoutingContext> LiveContextAsync(ServiceProvider provider, string community, CancellationToken cancellationToken)
    {
        var clock = provider.GetRequiredService<TimeProvider>();
        var feedback = new RoutingFeedbackHolder();
        await feedback.RefreshAsync(provider.GetRequiredService<IRoutingFeedbackStore>(), community, cancellationToken);
        var invitations = OpenRequestCounters.Of(
            provider.GetRequiredService<IDiscussionStore>(), provider.GetRequiredService<IConsultationStore>(), provider.GetRequiredService<IWorkingGroupStore>());
        var builder = new RoutingContextBuilder(new OpenRequestLoad(provider.GetRequiredService<IQueryStore>(), invitations, clock), feedback, clock);
        return await builder.BuildAsync(community, cancellationToken);
    }

    private static async Task<int> RouteBatchAsync(Router router, FileInfo file, int top, TextWriter output, TextWriter errors, CancellationToken cancellationToken)
    {
        if (!file.Exists)
        {
            await errors.WriteLineAsync($"File not found: {file.FullName}");
            return 2;
        }

        var failures = 0;
        var lineNumber = 0;
        using var reader = file.OpenText();
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            lineNumber++;
            RouteOutput result;
            try
            {
                var query = JsonSerializer.Deserialize<BatchLine>(line, Json);
                result = string.IsNullOrWhiteSpace(query?.Text)
                    ? new RouteOutput(null, null, null, $"line {lineNumber}: \"text\" is required")
                    : router.Route(query.Text, query.Tags ?? [], query.Exclude ?? [], top);
            }
            catch (JsonException ex)
            {
                result = new RouteOutput(null, null, null, $"line {lineNumber}: {ex.Message}");
            }

            failures += result.Error is null ? 0 : 1;
            await output.WriteLineAsync(JsonSerializer.Serialize(result, Json));
        }

        return failures == 0 ? 0 : 1;
    }

    private static async Task WriteTextAsync(RouteOutput result, TextWriter output)
    {
        if (result.IsGap == true)
        {
            await output.WriteLineAsync("Knowledge gap: nobody matches this well; facilitators would be asked.");
        }

        var rank = 1;
        foreach (var expert in result.Experts ?? [])
        {
            await output.WriteLineAsync($"{rank++}. {expert.Name} ({expert.Id})  score {expert.Score:0.###}  {string.Join("; ", expert.Why)}");
        }
    }

    /// <summary>The ranker over one index snapshot; extra exclusions beyond the asker are filtered after ranking.</summary>
    private sealed class Router(ExpertIndex index, ExpertRanker ranker, RoutingContext context)
    {
        public RouteOutput Route(string text, IReadOnlyList<string> tags, IReadOnlyList<string> exclude, int top)
        {
            var result = ranker.Rank(index, new RoutingQuery(text, tags, exclude.Count > 0 ? exclude[0] : null, top + exclude.Count), context);
            var excluded = exclude.ToHashSet(StringComparer.OrdinalIgnoreCase);
            var experts = result.Experts
                .Where(e => !excluded.Contains(e.Id) && !(index.Find(e.Id)?.AadObjectId is { } aad && excluded.Contains(aad)))
                .Take(top)
                .Select(e => new RoutedExpert(e.Id, e.Name, Math.Round(e.Score, 4), e.Why))
                .ToList();
            return new RouteOutput(experts, result.InferredTopics, result.IsGap);
        }
    }
}
