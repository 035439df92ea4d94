using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Serialization;
using CopBot.Community;
using CopBot.Features.Synthesis;

namespace CopBot.Cli;

/// <summary>
/// <c>synthesize &lt;request id&gt; [--json] [--community C]</c>: drafts the consolidated reply of a request with the bot's
/// own engine (LLM when configured, else extractive) and prints it. A dry run: nothing is stored, posted or credited;
/// publishing stays with a facilitator in Teams, where the draft can be edited.
/// </summary>
internal static class SynthesizeCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true, Converters = { new JsonStringEnumConverter() } };

    public static Command Create(Func<ServiceProvider> storage, IConfiguration configuration, TextWriter output, TextWriter errors)
    {
        var requestId = new Argument<string>("request-id") { Description = "The request's id, e.g. q-0123456789abcdef (shown on its cards and in logs)." };
        var json = new Option<bool>("--json") { Description = "Print the draft as JSON instead of text." };
        var community = new Option<string>("--community") { Description = "The request's community.", DefaultValueFactory = _ => ExpertProfile.DefaultCommunity };
        var command = new Command("synthesize", "Draft the consolidated reply of a request (dry run).") { requestId, json, community };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var provider = storage();
            await using var engines = new ServiceCollection().AddLogging().AddSynthesisEngine(configuration).BuildServiceProvider();
            var source = new QuerySubjectSource(provider.GetRequiredService<IQueryStore>(), provider.GetRequiredService<IProfileStore>());
            var id = parse.GetValue(requestId)!;
            var subject = await source.FindAsync(parse.GetValue(community)!, id, cancellationToken);
            if (subject is null)
            {
                await errors.WriteLineAsync($"No request with the id \"{id}\" in community \"{parse.GetValue(community)}\".");
                return 1;
            }

            var draft = await engines.GetRequiredService<ISynthesisEngine>().SynthesizeAsync(subject.Request, cancellationToken);
            await output.WriteLineAsync(parse.GetValue(json) ? JsonSerializer.Serialize(draft, Json) : AsText(draft));
            return 0;
        });
        return command;
    }

    private static string AsText(SynthesisDraft draft)
    {
        var names = draft.Contributors.ToDictionary(c => c.Id, c => c.Name, StringComparer.Ordinal);
        string Who(KeyPoint p) => string.Join(", ", p.ContributorIds.Select(id => names.GetValueOrDefault(id, id)));
        var text = new System.Text.StringBuilder();
        text.AppendLine($"Request: {draft.RequestText}").AppendLine($"Engine: {draft.Engine}").AppendLine().AppendLine("Synopsis").AppendLine(draft.Synopsis);
        foreach (var theme in draft.Themes)
        {
            text.AppendLine().AppendLine(theme.Label);
            theme.Points.ToList().ForEach(p => text.AppendLine($"- {p.Text} ({Who(p)})"));
        }

        foreach (var (title, points) in new[] { ("Next steps", draft.NextSteps), ("Disagreements", draft.Disagreements), ("Open questions", draft.OpenQuestions) })
        {
            if (points.Count > 0)
            {
                text.AppendLine().AppendLine(title);
                points.ToList().ForEach(p => text.AppendLine($"- {p.Text} ({Who(p)})"));
            }
        }

        if (draft.Resources.Count > 0)
        {
            text.AppendLine().AppendLine("Resources");
            draft.Resources.ToList().ForEach(r => text.AppendLine($"- {r.Url}"));
        }

        var s = draft.Statistics;
        text.AppendLine().AppendLine($"Contributors: {string.Join(", ", draft.Contributors.Select(c => c.Name))}");
        text.Append($"{s.Contributions} contributions, {s.People} people, {s.Organizations} organisations, time to first answer: {(s.TimeToFirstContribution is { } t ? SynthesisCards.Duration(t) : "none")}");
        return text.ToString();
    }
}
