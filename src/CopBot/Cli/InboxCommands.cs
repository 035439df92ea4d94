using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using CopBot.Community;

namespace CopBot.Cli;

/// <summary>
/// <c>inbox abandoned</c> and <c>inbox requeue (--activity ID | --all)</c>: the activities the bot gave up on (log event
/// 25), listed as tab-separated lines, and made unfinished again once the cause is fixed, for a running bot to handle.
/// </summary>
internal static class InboxCommands
{
    private const int TextExcerptLength = 80;

    public static Command Create(Func<ServiceProvider> services, TextWriter output, TextWriter errors)
    {
        var list = new Command("abandoned", "List the activities given up on (tab-separated: abandoned, received, attempts, activity id, conversation id, type, text).");
        list.SetAction((_, cancellationToken) => ListAsync(services, output, cancellationToken));

        var activity = new Option<string?>("--activity") { Description = "The activity id to requeue (as listed)." };
        var all = new Option<bool>("--all") { Description = "Requeue every activity given up on." };
        var requeue = new Command("requeue", "Make abandoned activities unfinished again: a running bot handles them at its next sweep.") { activity, all };
        requeue.SetAction((parse, cancellationToken) => RequeueAsync(services, parse.GetValue(activity), parse.GetValue(all), output, errors, cancellationToken));

        return new Command("inbox", "Activities the bot acknowledged but gave up on.") { list, requeue };
    }

    private static async Task<int> ListAsync(Func<ServiceProvider> createServices, TextWriter output, CancellationToken cancellationToken)
    {
        await using var services = createServices();
        await AdminCli.EnsureTablesAsync(services, cancellationToken);
        await output.WriteLineAsync("abandoned\treceived\tattempts\tactivity\tconversation\ttype\ttext");
        foreach (var abandoned in await services.GetRequiredService<IAbandonedActivities>().ListAbandonedAsync(cancellationToken))
        {
            var unfinished = abandoned.Unfinished;
            var (type, text) = Summary(unfinished.Activity.Json);
            await output.WriteLineAsync(string.Join('\t',
                AdminCli.Utc(abandoned.AbandonedAt), AdminCli.Utc(unfinished.ReceivedAt), unfinished.Attempts.ToString(CultureInfo.InvariantCulture),
                OneLine(unfinished.Activity.ActivityId), OneLine(unfinished.Activity.ConversationId), type, text));
        }

        return 0;
    }

    private static async Task<int> RequeueAsync(
        Func<ServiceProvider> createServices, string? activityId, bool all, TextWriter output, TextWriter errors, CancellationToken cancellationToken)
    {
        if (all == (activityId is not null)) // exactly one of the two
        {
            await errors.WriteLineAsync("Say which: --activity <id> (as `inbox abandoned` lists it) or --all.");
            return 2;
        }

        await using var services = createServices();
        await AdminCli.EnsureTablesAsync(services, cancellationToken);
        var store = services.GetRequiredService<IAbandonedActivities>();
        var chosen = (await store.ListAbandonedAsync(cancellationToken)).Where(a => all || a.Unfinished.Activity.ActivityId == activityId).ToList();
        if (!all && chosen.Count == 0)
        {
            await errors.WriteLineAsync($"No abandoned activity has the id '{activityId}'; `inbox abandoned` lists them.");
            return 1;
        }

        var requeued = 0;
        foreach (var abandoned in chosen)
        {
            if (await store.TryRequeueAsync(abandoned, cancellationToken))
            {
                requeued++;
            }
            else
            {
                await errors.WriteLineAsync($"{abandoned.Unfinished.Activity.ActivityId}: not requeued (requeued meanwhile, or a later delivery of it is being handled).");
            }
        }

        await output.WriteLineAsync(
            $"Requeued {requeued} of {chosen.Count} abandoned activities; a running bot handles them at its next sweep (CopBot:Inbox:SweepInterval).");
        return requeued == chosen.Count ? 0 : 1;
    }

    // The activity's type and the start of its text, to recognise it; the JSON was checked when it was received.
    private static (string Type, string Text) Summary(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            var text = Property(root, "text");
            return (Property(root, "type"), text.Length > TextExcerptLength ? text[..TextExcerptLength] + "…" : text);
        }
        catch (JsonException)
        {
            return ("(unreadable)", "");
        }
    }

    private static string Property(JsonElement root, string name) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? OneLine(value.GetString()!) : "";

    // Tabs and line breaks in user text must not break the tab-separated lines.
    private static string OneLine(string text) => string.Concat(text.Select(c => char.IsControl(c) ? ' ' : c));
}
