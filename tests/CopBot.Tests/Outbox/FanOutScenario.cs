using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using CopBot.Community;
using CopBot.Testing;

namespace CopBot.Tests.Outbox;

/// <summary>
/// A community of <c>n</c> fire-management experts who all installed the bot (each has a 1:1 chat), and a question
/// every one of them matches: asking it with <c>CopBot:Query:ExpertsPerQuery = n</c> fans out to all of them.
/// </summary>
internal static class FanOutScenario
{
    public const string Tenant = "6e3a9f1c-2b47-4d8a-9c5e-0f1d2a3b4c5d";
    public const string Question = "<at>CopBot</at> query How do we run prescribed burning with village fire brigades? #fire-management";
    private const string ChatPrefix = "a:fire-expert-chat-";

    public static IReadOnlyDictionary<string, string?> Settings(int experts) => new Dictionary<string, string?>
    {
        ["CopBot:Query:ExpertsPerQuery"] = experts.ToString(CultureInfo.InvariantCulture),
        ["CopBot:Query:CandidatesKept"] = experts.ToString(CultureInfo.InvariantCulture),
        ["CopBot:Knowledge:DuplicateCheck"] = "false",
    };

    public static string ExpertId(int i) => $"29:fire-expert-{i:00}";

    public static string ChatOf(int i) => $"{ChatPrefix}{i:00}";

    public static async Task SeedAsync(IProfileStore profiles, IContactStore contacts, string serviceUrl, int experts)
    {
        var lines = new StringBuilder();
        for (var i = 0; i < experts; i++)
        {
            lines.AppendLine(new JsonObject
            {
                ["id"] = ExpertId(i),
                ["name"] = $"Fire Expert {i:00}",
                ["roles"] = new JsonArray("expert"),
                ["skills"] = new JsonArray(new JsonObject { ["tag"] = "fire management", ["level"] = 3 + (i % 3) }, "prescribed burning"),
                ["bio"] = "Runs prescribed burning with village fire brigades.",
            }.ToJsonString());
        }

        using (var reader = new StringReader(lines.ToString()))
        {
            var summary = await new ProfileImporter(profiles).ImportAsync(reader);
            Assert.Empty(summary.Errors);
        }

        for (var i = 0; i < experts; i++)
        {
            await contacts.UpsertMemberAsync(
                new MemberContact(Tenant, ExpertId(i), null, $"Fire Expert {i:00}", "msteams", serviceUrl, ChatOf(i), DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch),
                CancellationToken.None);
        }
    }

    /// <summary>The question as a new channel thread (a fresh root id, so each test has its own query).</summary>
    public static JsonObject Ask(JsonObject channelMessage)
    {
        ArgumentNullException.ThrowIfNull(channelMessage);
        var root = Guid.NewGuid().ToString("N")[..13];
        channelMessage["id"] = root;
        channelMessage["conversation"]!["id"] = $"19:7b2e4d6f8a0c4e1b9d3f5a7c2e4b6d8f@thread.tacv2;messageid={root}";
        channelMessage["text"] = Question;
        return channelMessage;
    }

    /// <summary>True for a 1:1 card send to one of the experts' chats.</summary>
    public static bool IsExpertCardSend(string method, string path) =>
        method == "POST" && path.Contains("/v3/conversations/" + ChatPrefix, StringComparison.Ordinal) && path.EndsWith("/activities", StringComparison.Ordinal);

    /// <summary>Cards the connector accepted, per expert chat.</summary>
    public static IReadOnlyDictionary<string, int> CardsPerChat(IEnumerable<RecordedRequest> requests) =>
        requests.Where(r => r.StatusCode < 300 && IsExpertCardSend(r.Method, r.Path))
            .GroupBy(r => r.Path.Split('/')[^2])
            .ToDictionary(g => g.Key, g => g.Count());

    /// <summary>Every expert got exactly one card: none missing, none twice.</summary>
    public static void AssertEachExpertOnce(IEnumerable<RecordedRequest> requests, int experts)
    {
        var cards = CardsPerChat(requests);
        var missing = Enumerable.Range(0, experts).Select(ChatOf).Where(c => !cards.ContainsKey(c)).ToList();
        var twice = cards.Where(c => c.Value > 1).Select(c => $"{c.Key}×{c.Value}").ToList();
        Assert.True(missing.Count == 0 && twice.Count == 0, $"missing: [{string.Join(", ", missing)}]; more than once: [{string.Join(", ", twice)}]");
        Assert.Equal(experts, cards.Count);
    }
}
