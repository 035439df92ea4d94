using System.Text.Json.Nodes;
using CopBot.Cards;
using CopBot.Community;
using CopBot.Testing;
using CopBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CopBot.Tests;

/// <summary>
/// Synthesis through the real pipeline: a query answered by two experts, a facilitator asks for a synthesis (text in
/// the thread or the card's button), edits the 1:1 draft and publishes; non-facilitators and forged data change nothing.
/// </summary>
[Collection(AzuriteFixture.Collection)]
public sealed class SynthesisFlowTests(AzuriteFixture azurite)
{
    private const string Question = "How do we design cash transfers for informal workers using the social registry? #cash-transfers";
    private const string AmaraAnswer = "Use mobile money and the social registry to reach informal workers. Start with a pilot in two districts. See https://example.org/registry-guide for the targeting guide.";
    private const string SecondAnswer = "Informal workers are often missing from the social registry, so run an on-demand registration drive first. Has anyone linked the registry to tax records?";

    private sealed record Scenario(JsonObject Ask, string QueryId, string Thread, string AskerId, string SecondExpertId, string SecondExpertName);

    private static async Task<Scenario> AskAndAnswerTwiceAsync(BotHarness bot)
    {
        await QueryScenario.ImportDemoCommunityAndInstallAsync(bot);
        var ask = await QueryScenario.AskInChannelAsync(bot, Question);
        var queryId = QueryScenario.QueryIdOf(bot, Question);
        var thread = (string)ask["conversation"]!["id"]!;
        await AnswerAsync(bot, QueryScenario.AmaraId, queryId, AmaraAnswer);
        var query = await bot.Services.GetRequiredService<IQueryStore>().GetAsync("default", queryId, CancellationToken.None);
        var second = query!.Experts.First(e => e.State == AssignmentState.Asked && e.ExpertId != QueryScenario.AmaraId);
        await AnswerAsync(bot, second.ExpertId, queryId, SecondAnswer);
        return new Scenario(ask, queryId, thread, (string)ask["from"]!["id"]!, second.ExpertId, second.Name);
    }

    private static async Task AnswerAsync(BotHarness bot, string expertId, string queryId, string answer)
    {
        var answered = await QueryScenario.InvokeAsync(bot, QueryScenario.CardAction(bot, expertId, "a:" + expertId, "query.answer",
            new JsonObject { ["requestId"] = queryId, ["answer"] = answer }));
        Assert.Equal(200, (int)answered["statusCode"]!);
    }

    /// <summary>A message in the request's thread from <paramref name="fromId"/>.</summary>
    private static async Task SayInThreadAsync(BotHarness bot, Scenario scenario, string fromId, string text)
    {
        var message = bot.Payload("channel-message-mention");
        message["id"] = "r-" + Guid.NewGuid().ToString("N")[..10];
        message["conversation"]!["id"] = scenario.Thread;
        message["from"] = new JsonObject { ["id"] = fromId, ["name"] = "someone" };
        message["text"] = "<at>CopBot</at> " + text;
        using var response = await bot.PostAsync(message);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
    }

    private static JsonObject DraftCard(BotHarness bot) =>
        bot.SentCards.Last(c => c.ToJsonString().Contains("Draft consolidated reply", StringComparison.Ordinal));

    private static JsonObject PublishData(JsonObject draft, string? synopsis = null, string? keyPoints = null)
    {
        var publish = draft["actions"]!.AsArray().Single(a => (string?)a!["verb"] == SynthesisVerbs.Publish)!;
        var data = publish["data"]!.DeepClone().AsObject();
        var inputs = draft["body"]!.AsArray().Where(e => (string?)e!["type"] == "Input.Text").ToDictionary(e => (string)e!["id"]!, e => (string?)e!["value"] ?? "");
        data["synopsis"] = synopsis ?? inputs["synopsis"];
        data["keyPoints"] = keyPoints ?? inputs["keyPoints"];
        data["nextSteps"] = inputs["nextSteps"];
        return data;
    }

    [Fact]
    public async Task Synthesize_FacilitatorInTheThread_EditableDraftSentOneToOneAndStored()
    {
        await using var bot = await BotHarness.StartAsync(azurite);
        var scenario = await AskAndAnswerTwiceAsync(bot);

        await SayInThreadAsync(bot, scenario, QueryScenario.AmaraId, "synthesize");

        var draft = DraftCard(bot);
        var json = AllText(draft);
        var inputs = draft["body"]!.AsArray().Where(e => (string?)e!["type"] == "Input.Text").Select(e => (string)e!["id"]!).ToList();
        Assert.Equal(["synopsis", "keyPoints", "nextSteps"], inputs);
        Assert.Contains("Amara Nwosu-Lindqvist (WFP)", json, StringComparison.Ordinal);
        Assert.Contains(scenario.SecondExpertName, json, StringComparison.Ordinal);
        Assert.Contains("https://example.org/registry-guide", json, StringComparison.Ordinal);
        Assert.Contains("Has anyone linked the registry to tax records?", json, StringComparison.Ordinal);
        Assert.Equal([SynthesisVerbs.Publish, SynthesisVerbs.Discard], draft["actions"]!.AsArray().Select(a => (string?)a!["verb"]));
        var texts = bot.Sent.Select(r => (string?)r.Json?["text"]).OfType<string>().ToList();
        Assert.Contains(texts, t => t.StartsWith("I sent you a draft consolidated reply of 2 contributions", StringComparison.Ordinal));
        var stored = await bot.Services.GetRequiredService<ISynthesisStore>().GetAsync("default", scenario.QueryId, CancellationToken.None);
        Assert.Equal((SynthesisStatus.Draft, 1, QueryScenario.AmaraId), (stored!.Status, stored.Version, stored.FacilitatorId));
        Assert.True(CardJsonSize(draft) < CardLimits.MaxBytes);
        SentCardAssert.Valid(bot.SentCards);
    }

    [Fact]
    public async Task Synthesize_NotAFacilitator_RefusedAndNothingStored()
    {
        await using var bot = await BotHarness.StartAsync(azurite);
        var scenario = await AskAndAnswerTwiceAsync(bot);

        await SayInThreadAsync(bot, scenario, scenario.AskerId, "synthesize");
        var button = await QueryScenario.InvokeAsync(bot, QueryScenario.CardAction(bot, scenario.SecondExpertId, scenario.Thread, SynthesisVerbs.Start,
            new JsonObject { ["requestId"] = scenario.QueryId }));

        var texts = bot.Sent.Select(r => (string?)r.Json?["text"]).OfType<string>().ToList();
        Assert.Contains(texts, t => t.StartsWith("Only the community's facilitators", StringComparison.Ordinal));
        Assert.Equal(403, (int)button["statusCode"]!);
        Assert.Equal(0, await bot.CountAsync("Syntheses"));
        Assert.DoesNotContain(bot.SentCards, c => c.ToJsonString().Contains("Draft consolidated reply", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Synthesize_UnknownRequestOrNoThread_ClearMessage()
    {
        await using var bot = await BotHarness.StartAsync(azurite);
        await QueryScenario.ImportDemoCommunityAndInstallAsync(bot);

        await SayAsAmaraInPersonalChatAsync(bot, "synthesize q-0000000000000000");
        await SayAsAmaraInPersonalChatAsync(bot, "synthesize");
        await SayInThreadAsync(bot, new Scenario(new JsonObject(), "none", "19:7b2e4d6f8a0c4e1b9d3f5a7c2e4b6d8f@thread.tacv2;messageid=123", "", "", ""), QueryScenario.AmaraId, "synthesize");

        var texts = bot.Sent.Select(r => (string?)r.Json?["text"]).OfType<string>().ToList();
        Assert.Contains(texts, t => t.StartsWith("I cannot find a request with the id \"q-0000000000000000\"", StringComparison.Ordinal));
        Assert.Contains(Features.Synthesis.SynthesisFlow.NoRequest, texts);
        Assert.Contains(Features.Synthesis.SynthesisFlow.NotARequestThread, texts);
        Assert.Equal(0, await bot.CountAsync("Syntheses"));
    }

    [Fact]
    public async Task Publish_AfterRestart_PostedClosedCreditedKeptAndNotified_AndASecondPublishChangesNothing()
    {
        await using var bot = await BotHarness.StartAsync(azurite);
        var scenario = await AskAndAnswerTwiceAsync(bot);
        var ack = bot.SentCards.Last(c => c.ToJsonString().Contains("\"Query\"", StringComparison.Ordinal) && c.ToJsonString().Contains(SynthesisVerbs.Start, StringComparison.Ordinal));
        var start = await QueryScenario.InvokeAsync(bot, QueryScenario.CardAction(bot, QueryScenario.AmaraId, scenario.Thread, SynthesisVerbs.Start,
            (JsonObject)ack["actions"]!.AsArray().Single(a => (string?)a!["verb"] == SynthesisVerbs.Start)!["data"]!.DeepClone()));
        Assert.Equal(200, (int)start["statusCode"]!);
        var draft = DraftCard(bot);

        await bot.RestartAsync();
        var before = bot.Sent.Count;
        var data = PublishData(draft, synopsis: "Pilot mobile money through the registry, after a registration drive.", keyPoints: "Reaching workers\n- Mobile money through the social registry (Amara)\n- A registration drive first");
        var published = await QueryScenario.InvokeAsync(bot, QueryScenario.CardAction(bot, QueryScenario.AmaraId, "a:amara-chat", SynthesisVerbs.Publish, (JsonObject)data.DeepClone()));
        var again = await QueryScenario.InvokeAsync(bot, QueryScenario.CardAction(bot, QueryScenario.AmaraId, "a:amara-chat", SynthesisVerbs.Publish, (JsonObject)data.DeepClone()));

        Assert.Equal(200, (int)published["statusCode"]!);
        Assert.Contains("Consolidated reply published", published.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(published["value"]!.ToJsonString(), again["value"]!.ToJsonString());
        var reply = Assert.Single(bot.SentCards.Skip(0), c => c.ToJsonString().Contains("\"Consolidated reply\"", StringComparison.Ordinal));
        var replyJson = reply.ToJsonString();
        Assert.Contains("Pilot mobile money through the registry", replyJson, StringComparison.Ordinal);
        Assert.Contains("Reaching workers (2 points)", replyJson, StringComparison.Ordinal);
        Assert.Contains(SynthesisVerbs.Page, replyJson, StringComparison.Ordinal);
        var services = bot.Services;
        var query = await services.GetRequiredService<IQueryStore>().GetAsync("default", scenario.QueryId, CancellationToken.None);
        Assert.Equal(QueryStatus.Closed, query!.Status);
        var redrawn = bot.Sent.Skip(before).Last(r => r.Method == "PUT").Json!["attachments"]![0]!["content"]!.ToJsonString();
        Assert.Contains("Closed: marked answered", redrawn, StringComparison.Ordinal);
        var credits = services.GetRequiredService<IContributionCreditStore>();
        Assert.Single(await credits.ListAsync("default", QueryScenario.AmaraId, CancellationToken.None));
        Assert.Single(await credits.ListAsync("default", scenario.SecondExpertId, CancellationToken.None));
        var entry = Assert.Single(await services.GetRequiredService<IKnowledgeBase>().ListAsync("default", CancellationToken.None), e => e.Kind == KnowledgeKind.Synthesis);
        Assert.Equal(scenario.QueryId, entry.SourceId);
        Assert.Contains("A registration drive first", entry.Text, StringComparison.Ordinal);
        var record = await services.GetRequiredService<ISynthesisStore>().GetAsync("default", scenario.QueryId, CancellationToken.None);
        Assert.Equal(SynthesisStatus.Published, record!.Status);
        // Both experts talked to the bot (their answers came from their 1:1 chats), so each is thanked there, once.
        var thanks = bot.Sent.Skip(before).Where(r => ((string?)r.Json?["text"])?.StartsWith("Thank you: your contribution", StringComparison.Ordinal) == true).ToList();
        Assert.Equal(2, thanks.Count);
        Assert.Equal(2, thanks.Select(r => r.Path).Distinct().Count());

        // The credit shows on the contributor's profile.
        await SayAsAmaraInPersonalChatAsync(bot, "profile");
        var profile = AllText(bot.SentCards[^1]);
        Assert.Contains("Credited in 1 consolidated reply", profile, StringComparison.Ordinal);
        Assert.Contains("How do we design cash transfers", profile, StringComparison.Ordinal);
        SentCardAssert.Valid(bot.SentCards.Skip(0));
    }

    [Fact]
    public async Task Publish_ForgedStaleOrNotAFacilitator_RefusedAndNothingPosted()
    {
        await using var bot = await BotHarness.StartAsync(azurite);
        var scenario = await AskAndAnswerTwiceAsync(bot);
        await SayInThreadAsync(bot, scenario, QueryScenario.AmaraId, "synthesize");
        var first = PublishData(DraftCard(bot));
        await SayInThreadAsync(bot, scenario, QueryScenario.AmaraId, "synthesize");
        var before = bot.Sent.Count;

        var stale = await QueryScenario.InvokeAsync(bot, QueryScenario.CardAction(bot, QueryScenario.AmaraId, "a:amara-chat", SynthesisVerbs.Publish, first));
        var forgedId = (JsonObject)first.DeepClone();
        forgedId["requestId"] = "q-forged";
        var forged = await QueryScenario.InvokeAsync(bot, QueryScenario.CardAction(bot, QueryScenario.AmaraId, "a:amara-chat", SynthesisVerbs.Publish, forgedId));
        var stranger = await QueryScenario.InvokeAsync(bot, QueryScenario.CardAction(bot, scenario.AskerId, "a:asker", SynthesisVerbs.Publish, PublishData(DraftCard(bot))));
        var empty = await QueryScenario.InvokeAsync(bot, QueryScenario.CardAction(bot, QueryScenario.AmaraId, "a:amara-chat", SynthesisVerbs.Publish, PublishData(DraftCard(bot), synopsis: "  ")));

        Assert.Equal(409, (int)stale["statusCode"]!);
        Assert.Equal(404, (int)forged["statusCode"]!);
        Assert.Equal(403, (int)stranger["statusCode"]!);
        Assert.Equal(400, (int)empty["statusCode"]!);
        Assert.Equal(before, bot.Sent.Count);
        var record = await bot.Services.GetRequiredService<ISynthesisStore>().GetAsync("default", scenario.QueryId, CancellationToken.None);
        Assert.Equal((SynthesisStatus.Draft, 2), (record!.Status, record.Version));
        var query = await bot.Services.GetRequiredService<IQueryStore>().GetAsync("default", scenario.QueryId, CancellationToken.None);
        Assert.Equal(QueryStatus.Open, query!.Status);
    }

    [Fact]
    public async Task Discard_ThenPage_DiscardedDraftCannotBePublishedAndPagesNeedAPublishedReply()
    {
        await using var bot = await BotHarness.StartAsync(azurite);
        var scenario = await AskAndAnswerTwiceAsync(bot);
        await SayInThreadAsync(bot, scenario, QueryScenario.AmaraId, "synthesize");
        var data = PublishData(DraftCard(bot));

        var discarded = await QueryScenario.InvokeAsync(bot, QueryScenario.CardAction(bot, QueryScenario.AmaraId, "a:amara-chat", SynthesisVerbs.Discard, (JsonObject)data.DeepClone()));
        var publish = await QueryScenario.InvokeAsync(bot, QueryScenario.CardAction(bot, QueryScenario.AmaraId, "a:amara-chat", SynthesisVerbs.Publish, (JsonObject)data.DeepClone()));
        var page = await QueryScenario.InvokeAsync(bot, QueryScenario.CardAction(bot, scenario.AskerId, scenario.Thread, SynthesisVerbs.Page,
            new JsonObject { ["requestId"] = scenario.QueryId, ["page"] = "1" }));

        Assert.Contains("Draft discarded", discarded.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(409, (int)publish["statusCode"]!);
        Assert.Equal(404, (int)page["statusCode"]!);
        Assert.DoesNotContain(bot.SentCards, c => c.ToJsonString().Contains("\"Consolidated reply\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ShowMore_PublishedReply_PagesThroughDetailsAsValidCards()
    {
        await using var bot = await BotHarness.StartAsync(azurite);
        var scenario = await AskAndAnswerTwiceAsync(bot);
        await SayInThreadAsync(bot, scenario, QueryScenario.AmaraId, "synthesize");
        await QueryScenario.InvokeAsync(bot, QueryScenario.CardAction(bot, QueryScenario.AmaraId, "a:amara-chat", SynthesisVerbs.Publish, PublishData(DraftCard(bot))));

        var page = await QueryScenario.InvokeAsync(bot, QueryScenario.CardAction(bot, scenario.AskerId, scenario.Thread, SynthesisVerbs.Page,
            new JsonObject { ["requestId"] = scenario.QueryId, ["page"] = "1" }));
        var summary = await QueryScenario.InvokeAsync(bot, QueryScenario.CardAction(bot, scenario.AskerId, scenario.Thread, SynthesisVerbs.Page,
            new JsonObject { ["requestId"] = scenario.QueryId, ["page"] = "0" }));

        var pageCard = page["value"]!.AsObject();
        Assert.Contains("details 1 of", pageCard.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("https://example.org/registry-guide", pageCard.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("Synopsis", summary["value"]!.ToJsonString(), StringComparison.Ordinal);
        SentCardAssert.Valid([pageCard, summary["value"]!.AsObject()], atLeast: 2);
    }

    private static async Task SayAsAmaraInPersonalChatAsync(BotHarness bot, string text)
    {
        var message = bot.Payload("personal-message");
        message["id"] = "m-" + Guid.NewGuid().ToString("N")[..10];
        message["from"] = new JsonObject { ["id"] = QueryScenario.AmaraId, ["name"] = "Amara Nwosu-Lindqvist" };
        message["text"] = text;
        using var response = await bot.PostAsync(message);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>Every string in the card, decoded (ToJsonString escapes non-ASCII names).</summary>
    private static string AllText(JsonNode node) => node switch
    {
        JsonObject o => string.Join("\n", o.Select(p => p.Value is null ? "" : AllText(p.Value))),
        JsonArray a => string.Join("\n", a.Select(i => i is null ? "" : AllText(i))),
        JsonValue v when v.TryGetValue<string>(out var text) => text,
        _ => "",
    };

    private static int CardJsonSize(JsonObject card) => System.Text.Encoding.UTF8.GetByteCount(card.ToJsonString());
}
