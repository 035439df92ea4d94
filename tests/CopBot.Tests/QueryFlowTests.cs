using System.Net;
using System.Text.Json.Nodes;
using CopBot.Community;
using CopBot.Testing;
using CopBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CopBot.Tests;

/// <summary>
/// The query modality as a conversation through the real pipeline: a member asks in a channel, experts get 1:1
/// cards (or an @mention when they never installed the bot), answers and declines come back, the asker closes it.
/// The bot is restarted between steps: everything it needs is in Table Storage.
/// </summary>
[Collection(AzuriteFixture.Collection)]
public sealed class QueryFlowTests(AzuriteFixture azurite)
{
    private const string Tenant = "6e3a9f1c-2b47-4d8a-9c5e-0f1d2a3b4c5d";
    internal const string AmaraId = "29:1Qm7vXyZk3TfPa9LbR2cWd8EhNs5UoJgYi4KzAx6BqVt0MnFl";
    internal const string TomasTeamsId = "29:1TomasFerreiraQuispeTeamsUserId";
    internal const string TomasAad = "b7e4d2c1-5a6f-4e3d-8c2b-1a0f9e8d7c6b";
    internal const string Question = "How do we design cash transfers for informal workers using the social registry? #cash-transfers #social-registry";

    internal static async Task ImportDemoCommunityAsync(BotHarness bot)
    {
        using var reader = File.OpenText(Path.Combine(AzuriteFixture.RepositoryRoot, "samples", "demo-community.jsonl"));
        var summary = await new ProfileImporter(bot.Services.GetRequiredService<IProfileStore>()).ImportAsync(reader);
        Assert.Empty(summary.Errors);
        await bot.RefreshExpertIndexAsync();
    }

    /// <summary>The bot joins the team; the roster holds Amara and Tomás (by his Entra id), so both can get 1:1 cards.</summary>
    internal static async Task InstallInTeamAsync(BotHarness bot)
    {
        bot.Connector.PagedMembersJson = new JsonObject
        {
            ["members"] = new JsonArray(
                new JsonObject { ["id"] = AmaraId, ["name"] = "Amara Nwosu-Lindqvist", ["aadObjectId"] = "6f1c2a3b-8d4e-4f5a-9b6c-7d8e9f0a1b2c", ["tenantId"] = Tenant },
                new JsonObject { ["id"] = TomasTeamsId, ["name"] = "Tomás Ferreira Quispe", ["aadObjectId"] = TomasAad, ["tenantId"] = Tenant }),
        }.ToJsonString();
        using var installed = await bot.PostAsync(bot.Payload("conversation-update-bot-added"));
        Assert.Equal(HttpStatusCode.OK, installed.StatusCode);
    }

    internal static JsonObject CardAction(BotHarness bot, string fromId, string? fromAad, string conversationId, string verb, JsonObject data)
    {
        var invoke = bot.Payload("invoke-adaptive-card-action");
        invoke["id"] = "f:" + Guid.NewGuid();
        invoke["from"] = new JsonObject { ["id"] = fromId, ["aadObjectId"] = fromAad };
        invoke["conversation"] = new JsonObject { ["id"] = conversationId, ["conversationType"] = "personal", ["tenantId"] = Tenant };
        invoke["value"] = new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data }, ["trigger"] = "manual" };
        return invoke;
    }

    internal static async Task<JsonObject> InvokeAsync(BotHarness bot, JsonObject invoke)
    {
        using var response = await bot.PostAsync(invoke);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    /// <summary>The 1:1 conversation the bot created for a member, found by the member id it sent.</summary>
    internal static string PersonalConversationOf(BotHarness bot, string userId)
    {
        var created = bot.Sent.Where(r => r.Path.EndsWith("/v3/conversations", StringComparison.Ordinal)).ToList();
        var index = created.FindIndex(r => (string?)r.Json!["members"]![0]!["id"] == userId);
        Assert.True(index >= 0, $"no 1:1 conversation created for {userId}");
        return $"a:fake-conversation-{index + 1}";
    }

    /// <summary>Demo community, bot installed in the team (roster saved), the standard question asked: the request id.</summary>
    internal static async Task<string> AskInTeamChannelAsync(BotHarness bot)
    {
        await ImportDemoCommunityAsync(bot);
        await InstallInTeamAsync(bot);
        var ask = bot.Payload("channel-message-mention");
        ask["text"] = "<at>CopBot</at> query " + Question;
        using var response = await bot.PostAsync(ask);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return RequestIdFromExpertCard(bot);
    }

    /// <summary>The message text as Teams reads it (the raw body escapes &lt; and &gt;).</summary>
    private static string Text(RecordedRequest request) => (string?)request.Json?["text"] ?? string.Empty;

    private static string RequestIdFromExpertCard(BotHarness bot) =>
        bot.SentCards.SelectMany(c => c["actions"]?.AsArray() ?? [])
            .Where(a => (string?)a!["verb"] == "query.answer")
            .Select(a => (string)a!["data"]!["requestId"]!)
            .First();

    [Fact]
    public async Task Query_AskAnswerDeclineClose_WholeFlowSurvivesRestarts()
    {
        await using var bot = await BotHarness.StartAsync(azurite);
        await ImportDemoCommunityAsync(bot);
        await InstallInTeamAsync(bot);
        var ask = bot.Payload("channel-message-mention");
        ask["text"] = "<at>CopBot</at> query " + Question;
        var thread = (string)ask["conversation"]!["id"]!;
        var sentBefore = bot.Sent.Count;

        using (var asked = await bot.PostAsync(ask))
        {
            Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        }

        // Ack card in the thread, 1:1 cards to Amara and Tomás, an @mention for the third (never installed), ack updated.
        var requestId = RequestIdFromExpertCard(bot);
        var routed = (await bot.Services.GetRequiredService<IQueryStore>().GetAsync("default", requestId, CancellationToken.None))!;
        Assert.Equal(["Amara Nwosu-Lindqvist", "Tomás Ferreira Quispe"], routed.Experts.Take(2).Select(e => e.Name).Order());
        var third = routed.Experts[2];
        var fourth = routed.Experts[3];
        Assert.Equal([AssignmentState.Asked, AssignmentState.Asked, AssignmentState.Asked, AssignmentState.Waiting], routed.Experts.Take(4).Select(e => e.State));
        Assert.Equal(NotificationChannel.ThreadMention, third.NotifiedBy);
        var afterAsk = bot.Sent.Skip(sentBefore).ToList();
        Assert.Contains(afterAsk, r => r.Method == "POST" && r.Path.EndsWith($"{thread}/activities/{ask["id"]}", StringComparison.Ordinal)
            && r.Body.Contains("Query", StringComparison.Ordinal));
        Assert.Equal(2, afterAsk.Count(r => r.Path.EndsWith("/v3/conversations", StringComparison.Ordinal)));
        var mention = Assert.Single(afterAsk, r => Text(r).StartsWith($"<at>{third.Name}</at>", StringComparison.Ordinal));
        Assert.Equal(third.ExpertId, (string?)mention.Json!["entities"]![0]!["mentioned"]!["id"]);
        Assert.Contains(afterAsk, r => r.Method == "PUT" && r.Path.Contains(thread, StringComparison.Ordinal));
        var amaraChat = PersonalConversationOf(bot, AmaraId);
        var tomasChat = PersonalConversationOf(bot, TomasTeamsId);

        await bot.RestartAsync();

        // Someone who was not asked cannot answer, even with the right request id.
        var forged = await InvokeAsync(bot, CardAction(bot, "29:1SomeoneElse", null, "a:other", "query.answer",
            new JsonObject { ["requestId"] = requestId, ["answer"] = "I am not an expert but here goes" }));
        Assert.Equal(403, (int)forged["statusCode"]!);
        Assert.DoesNotContain(bot.Sent, r => r.Body.Contains("I am not an expert", StringComparison.Ordinal));

        // Amara answers: her card turns into a thank-you, the answer lands in the thread, the ack card shows it.
        var sentBeforeAnswer = bot.Sent.Count;
        var answered = await InvokeAsync(bot, CardAction(bot, AmaraId, null, amaraChat, "query.answer",
            new JsonObject { ["requestId"] = requestId, ["answer"] = "Use mobile money and the social registry; start with a pilot." }));
        Assert.Equal(200, (int)answered["statusCode"]!);
        Assert.Contains("Thank you", answered["value"]!.ToJsonString(), StringComparison.Ordinal);
        var afterAnswer = bot.Sent.Skip(sentBeforeAnswer).ToList();
        Assert.Contains(afterAnswer, r => r.Method == "POST" && r.Path.Contains(thread, StringComparison.Ordinal)
            && r.Body.Contains("Answer from Amara", StringComparison.Ordinal) && r.Body.Contains("mobile money", StringComparison.Ordinal));
        Assert.Contains(afterAnswer, r => r.Method == "PUT" && r.Body.Contains("1 answer so far", StringComparison.Ordinal));

        // A second click on the same card does not post the answer twice.
        await InvokeAsync(bot, CardAction(bot, AmaraId, null, amaraChat, "query.answer",
            new JsonObject { ["requestId"] = requestId, ["answer"] = "Use mobile money and the social registry; start with a pilot." }));
        Assert.Single(bot.Sent, r => r.Body.Contains("Answer from Amara", StringComparison.Ordinal));

        await bot.RestartAsync();

        // Tomás (profile keyed by his Entra id) declines: the next in line is asked.
        var sentBeforeDecline = bot.Sent.Count;
        var declined = await InvokeAsync(bot, CardAction(bot, TomasTeamsId, TomasAad, tomasChat, "query.decline",
            new JsonObject { ["requestId"] = requestId, ["declineReason"] = "travelling" }));
        Assert.Contains("asked someone else", declined["value"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains(bot.Sent.Skip(sentBeforeDecline), r => Text(r).StartsWith($"<at>{fourth.Name}</at>", StringComparison.Ordinal));

        // Only the asker (or a facilitator) can close; the asker's close turns the ack card final.
        var strangerClose = await InvokeAsync(bot, CardAction(bot, "29:1SomeoneElse", null, thread, "query.close", new JsonObject { ["requestId"] = requestId }));
        Assert.Equal(403, (int)strangerClose["statusCode"]!);
        var closed = await InvokeAsync(bot, CardAction(bot, (string)ask["from"]!["id"]!, null, thread, "query.close", new JsonObject { ["requestId"] = requestId }));
        Assert.Contains("Closed", closed["value"]!.ToJsonString(), StringComparison.Ordinal);

        var stored = await bot.Services.GetRequiredService<IQueryStore>().GetAsync("default", requestId, CancellationToken.None);
        Assert.Equal(QueryStatus.Closed, stored!.Status);
        Assert.Equal(AssignmentState.Answered, stored.Find(AmaraId, null)!.State);
        Assert.Equal("travelling", stored.Find(TomasTeamsId, TomasAad)!.DeclineReason);
    }

    [Fact]
    public async Task Answer_ThreadPostFailsOnce_SecondClickDeliversItExactlyOnce()
    {
        await using var bot = await BotHarness.StartAsync(azurite);
        var requestId = await AskInTeamChannelAsync(bot);
        var amaraChat = PersonalConversationOf(bot, AmaraId);
        JsonObject Answer() => CardAction(bot, AmaraId, null, amaraChat, "query.answer",
            new JsonObject { ["requestId"] = requestId, ["answer"] = "Start from the social registry." });

        bot.Connector.FailNext(500);
        var failed = await InvokeAsync(bot, Answer());
        var retried = await InvokeAsync(bot, Answer());

        Assert.Equal(500, (int)failed["statusCode"]!);
        Assert.Contains("Thank you", retried["value"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Single(bot.Sent, r => r.StatusCode < 300 && r.Body.Contains("Answer from Amara", StringComparison.Ordinal));
        var stored = await bot.Services.GetRequiredService<IQueryStore>().GetAsync("default", requestId, CancellationToken.None);
        Assert.NotNull(stored!.Find(AmaraId, null)!.AnswerPostedAt);
    }

    [Fact]
    public async Task Refer_ColleagueByName_AskedInsteadAndUnknownNameRefused()
    {
        await using var bot = await BotHarness.StartAsync(azurite);
        var requestId = await AskInTeamChannelAsync(bot);
        var amaraChat = PersonalConversationOf(bot, AmaraId);

        var unknown = await InvokeAsync(bot, CardAction(bot, AmaraId, null, amaraChat, "query.refer", new JsonObject { ["requestId"] = requestId, ["referral"] = "Nobody Atall" }));
        var referred = await InvokeAsync(bot, CardAction(bot, AmaraId, null, amaraChat, "query.refer", new JsonObject { ["requestId"] = requestId, ["referral"] = "hanne vestergaard mutua" }));

        Assert.Equal(404, (int)unknown["statusCode"]!);
        Assert.Contains("we asked Hanne Vestergaard Mutua", referred["value"]!.ToJsonString(), StringComparison.Ordinal);
        var stored = (await bot.Services.GetRequiredService<IQueryStore>().GetAsync("default", requestId, CancellationToken.None))!;
        var hanne = stored.Find("gov-mepd-031", null)!;
        Assert.Equal(AssignmentState.Asked, hanne.State);
        Assert.Contains("referred by Amara Nwosu-Lindqvist", hanne.Why);
        Assert.Equal(AssignmentState.Declined, stored.Find(AmaraId, null)!.State);
        Assert.Contains(bot.Sent, r => Text(r).StartsWith("<at>Hanne Vestergaard Mutua</at>", StringComparison.Ordinal));
    }

    [Fact]
    public async Task NotMyArea_Expert_DeclinedAndRankedLowerForThoseTopicsNextTime()
    {
        await using var bot = await BotHarness.StartAsync(azurite);
        await ImportDemoCommunityAsync(bot);
        await InstallInTeamAsync(bot);
        var finder = bot.Services.GetRequiredService<IExpertFinder>();
        var text = QueryText.Parse(Question);
        var before = (await finder.FindAsync("default", text, "29:1asker", 8, CancellationToken.None)).Matches.Single(m => m.ExpertId == TomasAad);
        var ask = bot.Payload("channel-message-mention");
        ask["text"] = "<at>CopBot</at> query " + Question;
        using (await bot.PostAsync(ask))
        {
        }

        var requestId = RequestIdFromExpertCard(bot);
        var answer = await InvokeAsync(bot, CardAction(bot, TomasTeamsId, TomasAad, PersonalConversationOf(bot, TomasTeamsId), "query.notmyarea", new JsonObject { ["requestId"] = requestId }));

        Assert.Contains("fewer questions on these topics", answer["value"]!.ToJsonString(), StringComparison.Ordinal);
        var feedback = await bot.Services.GetRequiredService<IRoutingFeedbackStore>().ListAsync("default", CancellationToken.None);
        Assert.Contains(feedback, f => f.ExpertId == TomasAad && f.Tag == "cash-transfers" && f.Delta < 0);
        await bot.RestartAsync();
        await bot.Services.GetRequiredService<ExpertIndexHolder>().RefreshAsync(bot.Services.GetRequiredService<IProfileStore>());
        await bot.Services.GetRequiredService<RoutingFeedbackHolder>().RefreshAsync(
            bot.Services.GetRequiredService<IRoutingFeedbackStore>(), "default", CancellationToken.None);
        var after = (await bot.Services.GetRequiredService<IExpertFinder>().FindAsync("default", text, "29:1asker", 8, CancellationToken.None)).Matches.SingleOrDefault(m => m.ExpertId == TomasAad);
        Assert.True(after is null || after.Score < before.Score, $"score {before.Score} -> {after?.Score}");
    }

    [Fact]
    public async Task Query_SameMessageDeliveredAgainAfterRestart_RoutedOnce()
    {
        await using var bot = await BotHarness.StartAsync(azurite);
        await ImportDemoCommunityAsync(bot);
        var ask = bot.Payload("channel-message-mention");
        ask["text"] = "<at>CopBot</at> query " + Question;

        using (var first = await bot.PostAsync(ask))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        var sent = bot.Sent.Count;
        await bot.RestartAsync();
        using var again = await bot.PostAsync(ask);

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(sent, bot.Sent.Count);
    }

    [Fact]
    public async Task Query_WithoutQuestion_AnswersWithTheFormAndStoresNothing()
    {
        await using var bot = await BotHarness.StartAsync(azurite);
        var ask = bot.Payload("personal-message");
        ask["text"] = "query";

        using var response = await bot.PostAsync(ask);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Ask the community", Assert.Single(bot.SentCards).ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(0, await bot.CountAsync("Queries"));
    }

    private static JsonObject FormPress(BotHarness bot, string verb, JsonObject inputs)
    {
        var press = bot.Payload("invoke-adaptive-card-action");
        press["id"] = "f:" + Guid.NewGuid();
        press["replyToId"] = "1741684990000";
        press["value"] = new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = inputs }, ["trigger"] = "manual" };
        return press;
    }

    [Fact]
    public async Task QueryForm_AskWithTopicsAndUrgency_RoutesAndConfirmsInPlace()
    {
        await using var bot = await BotHarness.StartAsync(azurite);
        await ImportDemoCommunityAsync(bot);

        var answer = await InvokeAsync(bot, FormPress(bot, "query.ask",
            new JsonObject { ["question"] = "How do we keep village fire brigades motivated?", ["topics"] = "fire-management, forestry", ["urgency"] = "urgent" }));

        Assert.Contains("Question sent", answer["value"]!.ToJsonString(), StringComparison.Ordinal);
        var store = bot.Services.GetRequiredService<IQueryStore>();
        var query = (await store.GetAsync("default", Assert.Single(await store.ListOpenAsync("default", CancellationToken.None)), CancellationToken.None))!;
        Assert.True(query.IsUrgent);
        Assert.Equal(["fire-management", "forestry"], query.Tags);
        Assert.Equal("1741684990000", query.Place.QuestionActivityId);
        Assert.Contains(bot.SentCards, c => c.ToJsonString().Contains("Query (urgent)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task QueryForm_EmptyQuestionOrCancel_NothingStored()
    {
        await using var bot = await BotHarness.StartAsync(azurite);

        var empty = await InvokeAsync(bot, FormPress(bot, "query.ask", new JsonObject { ["question"] = "   " }));
        var cancelled = await InvokeAsync(bot, FormPress(bot, "query.cancel", new JsonObject()));

        Assert.Contains("Write your question first.", empty["value"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("Cancelled", cancelled["value"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(0, await bot.CountAsync("Queries"));
        Assert.Empty(bot.Sent);
    }

    [Fact]
    public async Task Query_Cards_PassTheOfficialParser()
    {
        await using var bot = await BotHarness.StartAsync(azurite);
        await ImportDemoCommunityAsync(bot);
        await InstallInTeamAsync(bot);
        var ask = bot.Payload("channel-message-mention");
        ask["text"] = "<at>CopBot</at> query " + Question + " [link](https://evil.example) <at>Someone</at>";

        using var response = await bot.PostAsync(ask);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        SentCardAssert.Valid(bot.SentCards, atLeast: 3);
        Assert.DoesNotContain(bot.SentCards, c => c.ToJsonString().Contains("[link](", StringComparison.Ordinal));
    }
}
