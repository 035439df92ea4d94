using System.Net;
using System.Text.Json.Nodes;
using CopBot.Cards;
using CopBot.Testing;
using CopBot.Tests.Support;
using CsCheck;

namespace CopBot.Tests.Fuzzing;

/// <summary>
/// Hostile messages and card actions through the whole bot (real pipeline, Azurite, fake connector): whatever
/// arrives, the answer is a 2xx or a 4xx, never a 500 that Teams would retry forever, and the bot still answers
/// afterwards. Bounded in count so the suite stays fast.
/// </summary>
[Collection(AzuriteFixture.Collection)]
public sealed class PipelineFuzzTests(AzuriteFixture azurite)
{
    /// <summary>Samples per property; <c>COPBOT_FUZZ_ITERATIONS</c> raises it for a deeper local run.</summary>
    private static readonly int Iterations =
        int.TryParse(Environment.GetEnvironmentVariable("COPBOT_FUZZ_ITERATIONS"), out var iterations) && iterations > 0 ? iterations : 120;

    private static readonly string[] Commands = ["query", "profile", "help", "cancel", "discuss", "synthesize", "", "gaps", "search"];

    private static readonly string[] Verbs =
        [QueryVerbs.Answer, QueryVerbs.Decline, QueryVerbs.Close, QueryVerbs.Refer, QueryVerbs.NotMyArea, QueryVerbs.Ask, QueryVerbs.Cancel, ProfileCardKeys.SaveVerb, "unknown.verb", ""];

    [Fact]
    public async Task Messages_HostileTextAndIds_NeverA500()
    {
        await using var bot = await BotHarness.StartAsync(azurite, authenticated: false);
        var gen = Gen.Select(Gen.OneOf("personal-message", "channel-message-mention"), Gen.OneOf(Commands), FuzzInput.Text, FuzzInput.Text);

        await gen.SampleAsync(async (payload, command, text, id) =>
        {
            var activity = bot.Payload(payload);
            activity["id"] = "fuzz-" + Guid.NewGuid().ToString("N") + id;
            activity["text"] = $"<at>CopBot</at> {command} {text}";
            activity["from"]!["id"] = "29:" + id;
            await AssertNot500Async(bot, activity);
        }, iter: Iterations, threads: 1);

        await AssertStillAnswersAsync(bot);
    }

    [Fact]
    public async Task CardActions_ForgedAndMalformedData_NeverA500()
    {
        await using var bot = await BotHarness.StartAsync(azurite, authenticated: false);
        var data = Gen.Select(FuzzInput.Text, FuzzInput.Value, FuzzInput.Text, (key, value, queryId) => new JsonObject
        {
            ["queryId"] = queryId,
            [key.Length == 0 ? "answer" : key] = value,
        });
        var gen = Gen.Select(Gen.OneOf("invoke-adaptive-card-action", "action-submit-message"), Gen.OneOf(Verbs), data);

        await gen.SampleAsync(async (payload, verb, fields) =>
        {
            var activity = bot.Payload(payload);
            activity["id"] = "fuzz-" + Guid.NewGuid().ToString("N");
            if (activity["value"]?["action"] is JsonObject action)
            {
                action["verb"] = verb;
                action["data"] = fields;
            }
            else
            {
                fields["verb"] = verb;
                activity["value"] = fields;
            }

            await AssertNot500Async(bot, activity);
        }, iter: Iterations, threads: 1);

        await AssertStillAnswersAsync(bot);
    }

    [Fact]
    public async Task RecordedPayloads_RandomlyEdited_NeverA500()
    {
        await using var bot = await BotHarness.StartAsync(azurite, authenticated: false);
        var gen = Gen.Select(
            Gen.OneOf("personal-message", "channel-message-mention", "invoke-adaptive-card-action", "conversation-update-bot-added", "installation-update-add", "message-reaction"),
            FuzzInput.Edits);

        await gen.SampleAsync(async (payload, edits) =>
        {
            var activity = FuzzInput.Apply(bot.Payload(payload), edits);
            activity["id"] ??= "fuzz-" + Guid.NewGuid().ToString("N");
            await AssertNot500Async(bot, activity);
        }, iter: Iterations, threads: 1);

        await AssertStillAnswersAsync(bot);
    }

    private static async Task AssertNot500Async(BotHarness bot, JsonObject activity)
    {
        using var response = await bot.PostAsync(activity);
        var status = (int)response.StatusCode;
        Assert.True(status < 500 || (status == 501 && IsUnknownNamedInvoke(activity)), $"{status} for {activity.ToJsonString()}");
    }

    /// <summary>An invoke whose (edited) name the bot does not implement: the protocol's answer is 501, not a fault.</summary>
    private static bool IsUnknownNamedInvoke(JsonObject activity) =>
        activity["type"] is JsonValue type && type.TryGetValue<string>(out var t) && t == "invoke"
        && activity["name"] is JsonValue name && name.TryGetValue<string>(out var n) && n.Trim().Length > 0
        && n != "adaptiveCard/action";

    private static async Task AssertStillAnswersAsync(BotHarness bot)
    {
        var before = bot.SentCards.Count;
        var help = bot.Payload("personal-message");
        help["id"] = "after-fuzz-" + Guid.NewGuid().ToString("N");
        help["text"] = "help";

        using var response = await bot.PostAsync(help);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(bot.SentCards.Count > before);
    }
}
