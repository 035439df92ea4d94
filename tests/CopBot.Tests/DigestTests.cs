using System.Text.Json.Nodes;
using CopBot.Cards;
using CopBot.Community;
using CopBot.Features.Digest;
using CopBot.Testing;
using CopBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CopBot.Tests;

/// <summary>
/// The periodic community digest through the real pipeline and its hosted service on a fake clock: a week of activity,
/// the clock advanced past the digest moment, one digest posted in the community channel, never a second one.
/// </summary>
[Collection(AzuriteFixture.Collection)]
public sealed class DigestTests(AzuriteFixture azurite)
{
    private const string Channel = "19:7b2e4d6f8a0c4e1b9d3f5a7c2e4b6d8f@thread.tacv2";
    private const string Answered = "How do we design cash transfers for informal workers using the social registry? #cash-transfers";
    internal const string Unanswered = "Which lattice QCD solvers scale on exascale GPUs? #lattice-qcd";

    // Monday 10:00 UTC: the week under way runs from Monday 09:00 to next Monday 09:00 (the default schedule).
    internal static readonly DateTimeOffset Monday = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Digest_WeekOfActivity_PostedOnceInTheChannelAcrossChecksAndRestart()
    {
        var clock = new FakeTimeProvider(Monday);
        await using var bot = await CommunityScenario.StartAsync(azurite, clock, withDigest: true);
        await CommunityScenario.PrepareAsync(bot, joinedAt: Monday.AddDays(-60));
        var profiles = bot.Services.GetRequiredService<IProfileStore>();
        await profiles.UpsertAsync(new ExpertProfile("default", "29:1NewExpertZeynep", "Zeynep Karaca", [new Skill("glacial-lakes", 4)], [CommunityRole.Expert]), default);
        await profiles.UpsertAsync(new ExpertProfile("default", "29:1NewMemberBo", "Bo Lindgren", [], [CommunityRole.Member]), default);
        var thread = await AskAndAnswerAsync(bot);
        await SynthesizeAndPublishAsync(bot, thread);
        await CommunityScenario.PostOkAsync(bot, NewThread(bot, "query " + Unanswered));
        var link = $"https://teams.microsoft.com/l/message/{Uri.EscapeDataString(Channel)}/{thread.Split("=")[1]}?parentMessageId={thread.Split("=")[1]}";

        // A check during the week: the last finished week was quiet, so nothing is posted for it.
        await bot.Services.GetRequiredService<DigestChecker>().RunOnceAsync(default);
        await bot.DrainOutboxAsync();
        Assert.Empty(Digests(bot));
        Assert.Equal(DigestOutcome.Quiet, await bot.Services.GetRequiredService<IDigestLog>().GetAsync("default", "2026-03-02T09:00Z", default));

        clock.Advance(TimeSpan.FromDays(7));
        var digest = await WaitForDigestAsync(bot);

        Assert.Equal(Channel, (string?)digest.Json!["conversation"]!["id"]);
        var card = digest.Json["attachments"]![0]!["content"]!.AsObject();
        var json = Texts(card);
        Assert.Contains("Community digest", json, StringComparison.Ordinal);
        Assert.Contains("2 Mar 2026 09:00 – 9 Mar 2026 09:00 UTC", json, StringComparison.Ordinal);
        var sections = json.Split("Open requests that need your help");
        Assert.True(sections.Length == 2, json);
        Assert.True(sections[0].Contains($"• [{Answered}]({link}", StringComparison.Ordinal), json); // the published synthesis
        Assert.Contains("consolidated reply crediting Amara Nwosu-Lindqvist", sections[0], StringComparison.Ordinal);
        Assert.Contains("• [Which lattice QCD solvers scale on exascale GPUs? #lattice-qcd](https://teams.microsoft.com/l/message/", sections[1], StringComparison.Ordinal);
        Assert.Contains("no answer yet", sections[1], StringComparison.Ordinal);
        Assert.DoesNotContain("How do we design cash transfers", sections[1], StringComparison.Ordinal); // answered: needs no help
        Assert.Contains("**New members**: Bo Lindgren", json, StringComparison.Ordinal);
        Assert.Contains("**New experts**: Zeynep Karaca (#glacial-lakes)", json, StringComparison.Ordinal);
        Assert.DoesNotContain("Leila Haddad-Mansour", json, StringComparison.Ordinal); // joined two months ago
        Assert.Contains("Amara Nwosu-Lindqvist: 1 answer", json, StringComparison.Ordinal);
        SentCardAssert.Valid([card]);

        // A second instance checking the same period, a restart and a later check in the same week: nothing more.
        await bot.Services.GetRequiredService<DigestChecker>().RunOnceAsync(default);
        await bot.DrainOutboxAsync();
        await bot.RestartAsync();
        await bot.Services.GetRequiredService<DigestChecker>().RunOnceAsync(default);
        clock.Advance(TimeSpan.FromHours(1));
        await Task.Delay(TimeSpan.FromSeconds(1));
        await bot.DrainOutboxAsync();
        Assert.Single(Digests(bot));
        Assert.Equal(DigestOutcome.Posted, await bot.Services.GetRequiredService<IDigestLog>().GetAsync("default", "2026-03-09T09:00Z", default));
    }

    [Fact]
    public async Task Digest_TwoInstancesCheckingAtOnce_PostOnce()
    {
        var clock = new FakeTimeProvider(Monday);
        await using var bot = await CommunityScenario.StartAsync(azurite, clock);
        await CommunityScenario.PrepareAsync(bot, joinedAt: Monday.AddDays(-60));
        await CommunityScenario.PostOkAsync(bot, NewThread(bot, "query " + Unanswered));
        clock.Advance(TimeSpan.FromDays(7));

        // Two instances of the bot on the same storage and queue, each checking twice at once.
        await using var other = await bot.StartOtherInstanceAsync();
        var checkers = new[] { bot.Services, other.Services, bot.Services, other.Services }.Select(s => s.GetRequiredService<DigestChecker>());
        await Task.WhenAll(checkers.Select(checker => Task.Run(() => checker.RunOnceAsync(default))));
        await bot.DrainOutboxAsync();

        var digest = Assert.Single(Digests(bot));
        Assert.Contains("no answer yet", digest.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Digest_NoChannelYet_NothingPostedAndRecorded()
    {
        var clock = new FakeTimeProvider(Monday);
        await using var bot = await CommunityScenario.StartAsync(azurite, clock);
        await bot.Services.GetRequiredService<IProfileStore>().UpsertAsync(new ExpertProfile("default", "29:1NewMemberBo", "Bo Lindgren", [], []), default);
        clock.Advance(TimeSpan.FromDays(7));

        await bot.Services.GetRequiredService<DigestChecker>().RunOnceAsync(default);
        await bot.DrainOutboxAsync();

        Assert.Empty(Digests(bot));
        Assert.Equal(DigestOutcome.NoChannel, await bot.Services.GetRequiredService<IDigestLog>().GetAsync("default", "2026-03-09T09:00Z", default));
    }

    [Fact]
    public async Task CommunityChannel_FirstChannelRequestWithoutInstall_KeptAndAnotherTeamNeverMovesIt()
    {
        var clock = new FakeTimeProvider(Monday);
        await using var bot = await CommunityScenario.StartAsync(azurite, clock);

        await QueryScenario.SayInPersonalChatAsync(bot, "help"); // a 1:1 chat is not a channel
        Assert.Null(await bot.Services.GetRequiredService<ICommunityChannelStore>().GetAsync("default", default));
        await CommunityScenario.PostOkAsync(bot, NewThread(bot, "help"));
        await CommunityScenario.PostOkAsync(bot, InChannel(NewThread(bot, "help"), "19:otherteamchannel@thread.tacv2"));
        await bot.RestartAsync(); // a new instance remembers nothing in memory: the stored channel still wins
        await CommunityScenario.PostOkAsync(bot, InChannel(NewThread(bot, "help"), "19:thirdteamchannel@thread.tacv2"));

        var channel = await bot.Services.GetRequiredService<ICommunityChannelStore>().GetAsync("default", default);
        Assert.Equal((Channel, CommunityScenario.Tenant, "CopBot"), (channel!.ConversationId, channel.TenantId, channel.BotName));
        Assert.Equal(bot.Connector.ServiceUrl, channel.ServiceUrl);
    }

    private static JsonObject InChannel(JsonObject message, string channel)
    {
        message["conversation"]!["id"] = $"{channel};messageid={(string)message["id"]!}";
        return message;
    }

    [Fact]
    public async Task DigestCommand_Facilitator_GetsPrivatePreviewOthersAreRefused()
    {
        var clock = new FakeTimeProvider(Monday);
        await using var bot = await CommunityScenario.StartAsync(azurite, clock);
        await CommunityScenario.PrepareAsync(bot, joinedAt: Monday.AddDays(-60));
        await CommunityScenario.PostOkAsync(bot, NewThread(bot, "query " + Unanswered));
        clock.Advance(TimeSpan.FromMinutes(5));
        var before = bot.Sent.Count;

        await QueryScenario.SayInPersonalChatAsync(bot, "digest");
        await QueryScenario.SayInPersonalChatAsync(bot, "digest", CommunityScenario.AmaraId);
        await QueryScenario.SayInPersonalChatAsync(bot, "digest last year", CommunityScenario.AmaraId);
        await CommunityScenario.PostOkAsync(bot, Facilitator(NewThread(bot, "digest 7")));

        var sent = bot.Sent.Skip(before).ToList();
        var texts = sent.Select(CommunityScenario.Text).ToList();
        Assert.True(texts.Contains(DigestFeature.SentPrivately), string.Join("\n", sent.Select(r => r.Method + " " + r.Path + " " + CommunityScenario.Text(r))));
        Assert.Contains(DigestFeature.NotAllowed, texts);
        Assert.Contains(texts, t => t.StartsWith("Give a number of days", StringComparison.Ordinal) && t.Contains("digest 7", StringComparison.Ordinal));
        Assert.Contains(DigestFeature.SentPrivately, texts);
        var previews = sent.Where(r => r.Body.Contains("Digest preview", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, previews.Count);
        Assert.All(previews, p => Assert.NotEqual(Channel, (string?)p.Json!["conversation"]!["id"]));
        Assert.All(previews, p => Assert.Contains("Which lattice QCD solvers", p.Body, StringComparison.Ordinal));
        Assert.Empty(Digests(bot)); // a preview is never posted in the channel
        SentCardAssert.Valid([.. previews.Select(p => p.Json!["attachments"]![0]!["content"]!.AsObject())]);
    }

    /// <summary>A channel message starting its own thread (the recorded payload's id would be a redelivery).</summary>
    internal static JsonObject NewThread(BotHarness bot, string text)
    {
        var message = CommunityScenario.ChannelCommand(bot, text);
        var root = "17" + Random.Shared.NextInt64(100_000_000_000, 999_999_999_999);
        message["id"] = root;
        message["conversation"]!["id"] = $"{Channel};messageid={root}";
        return message;
    }

    private static JsonObject Facilitator(JsonObject message)
    {
        message["from"] = new JsonObject { ["id"] = CommunityScenario.AmaraId, ["name"] = "Amara Nwosu-Lindqvist", ["aadObjectId"] = CommunityScenario.AmaraAad };
        return message;
    }

    /// <summary>A query asked in its own thread and answered by Amara; returns the thread.</summary>
    private static async Task<string> AskAndAnswerAsync(BotHarness bot)
    {
        var ask = NewThread(bot, "query " + Answered);
        await CommunityScenario.PostOkAsync(bot, ask);
        var queryId = QueryScenario.QueryIdOf(bot, Answered);
        await CommunityScenario.InvokeAsync(bot, CommunityScenario.CardAction(bot, CommunityScenario.AmaraId, CommunityScenario.AmaraAad, "a:amara", "query.answer",
            new JsonObject { ["requestId"] = queryId, ["answer"] = "Use mobile money and the social registry to reach informal workers. Start with a pilot in two districts." }));
        return (string)ask["conversation"]!["id"]!;
    }

    /// <summary>Amara, a facilitator, presses Synthesize on the query's card and publishes the draft as it is.</summary>
    private static async Task SynthesizeAndPublishAsync(BotHarness bot, string thread)
    {
        var ack = bot.SentCards.Last(c => c.ToJsonString().Contains(SynthesisVerbs.Start, StringComparison.Ordinal));
        var start = await CommunityScenario.InvokeAsync(bot, CommunityScenario.CardAction(bot, CommunityScenario.AmaraId, CommunityScenario.AmaraAad, thread, SynthesisVerbs.Start,
            (JsonObject)ack["actions"]!.AsArray().Single(a => (string?)a!["verb"] == SynthesisVerbs.Start)!["data"]!.DeepClone()));
        Assert.Equal(200, (int)start["statusCode"]!);
        var draft = bot.SentCards.Last(c => c.ToJsonString().Contains("Draft consolidated reply", StringComparison.Ordinal));
        var data = draft["actions"]!.AsArray().Single(a => (string?)a!["verb"] == SynthesisVerbs.Publish)!["data"]!.DeepClone().AsObject();
        foreach (var input in draft["body"]!.AsArray().Where(e => (string?)e!["type"] == "Input.Text"))
        {
            data[(string)input!["id"]!] = (string?)input["value"] ?? "";
        }

        var published = await CommunityScenario.InvokeAsync(bot, CommunityScenario.CardAction(bot, CommunityScenario.AmaraId, CommunityScenario.AmaraAad, "a:amara", SynthesisVerbs.Publish, data));
        Assert.Equal(200, (int)published["statusCode"]!);
    }

    /// <summary>Every text of a card, unescaped (JSON would escape the en dash and accents).</summary>
    private static string Texts(JsonNode? node) => node switch
    {
        JsonObject o => string.Join("\n", o.Select(p => Texts(p.Value))),
        JsonArray a => string.Join("\n", a.Select(Texts)),
        JsonValue v when v.TryGetValue<string>(out var text) => text,
        _ => "",
    };

    /// <summary>New posts in the community channel (not replies in a thread) carrying the digest card, accepted by the connector.</summary>
    internal static List<RecordedRequest> Digests(BotHarness bot) =>
        [.. bot.Sent.Where(r => r.Path.EndsWith("/activities", StringComparison.Ordinal) && r.StatusCode < 300
            && (string?)r.Json?["conversation"]?["id"] == Channel
            && r.Body.Contains("Community digest", StringComparison.Ordinal))];

    private static async Task<RecordedRequest> WaitForDigestAsync(BotHarness bot)
    {
        for (var i = 0; i < 200 && Digests(bot).Count == 0; i++)
        {
            await Task.Delay(50);
        }

        return Assert.Single(Digests(bot));
    }
}
