using System.Net;
using System.Text.Json.Nodes;
using CopBot.Community;
using CopBot.Features.Discuss;
using CopBot.Features.Query;
using CopBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace CopBot.Tests.Support;

/// <summary>
/// The demo community behind a bot in a team channel, on a fake clock, for the modality conversation tests: the
/// periodic deadline loops are removed so each check runs exactly when the test calls it.
/// </summary>
public static class CommunityScenario
{
    public const string Tenant = "6e3a9f1c-2b47-4d8a-9c5e-0f1d2a3b4c5d";
    public const string AmaraId = "29:1Qm7vXyZk3TfPa9LbR2cWd8EhNs5UoJgYi4KzAx6BqVt0MnFl";
    public const string AmaraAad = "6f1c2a3b-8d4e-4f5a-9b6c-7d8e9f0a1b2c";
    public const string TomasTeamsId = "29:1TomasFerreiraQuispeTeamsUserId";
    public const string TomasAad = "b7e4d2c1-5a6f-4e3d-8c2b-1a0f9e8d7c6b";
    public const string StrangerId = "29:1SomeoneNotInvited";

    /// <summary>The thread in which the consult and collaborate forms are sent, and their requester (Ada Lovelace).</summary>
    public const string FormThread = "19:7b2e4d6f8a0c4e1b9d3f5a7c2e4b6d8f@thread.tacv2;messageid=1741684467331";
    public const string FormRequesterId = "29:1GcS4EN9ej2pvwTJa5mT8X9zj8MbqKzrBqGHnAuRxY0sTuNpL2QHwsXJD3rHdkY-nr7XmEaCGEDcTeGeUC6o9Fw";

    /// <param name="withDigest">Keeps the periodic digest service, driven by <paramref name="clock"/> (removed otherwise, so
    /// advancing the clock in other tests never posts a digest).</param>
    /// <param name="connectionString">Other storage than Azurite's tables and queues (e.g. tables only: the outbox off).</param>
    /// <param name="settings">Extra configuration, e.g. the connector's retry count.</param>
    public static Task<BotHarness> StartAsync(
        AzuriteFixture azurite, FakeTimeProvider clock, bool withDigest = false, string? connectionString = null, IReadOnlyDictionary<string, string?>? settings = null) =>
        BotHarness.StartAsync(azurite, authenticated: false, connectionString: connectionString, settings: settings, configureServices: services =>
        {
            services.AddSingleton<TimeProvider>(clock);
            foreach (var periodic in services.Where(d => d.ServiceType == typeof(IHostedService)
                && (d.ImplementationType == typeof(QueryDeadlineService) || d.ImplementationType == typeof(DiscussDeadlineService)
                    || d.ImplementationType == typeof(CopBot.Features.Consult.ConsultDeadlineService)
                    || d.ImplementationType == typeof(CopBot.Features.Collaborate.CollaborateProgressService)
                    || (!withDigest && d.ImplementationType == typeof(CopBot.Features.Digest.DigestService)))).ToList())
            {
                services.Remove(periodic);
            }
        });

    /// <summary>Demo profiles imported and indexed; the bot installed in the team whose roster holds Amara and Tomás.</summary>
    /// <param name="joinedAt">When the demo profiles joined (default: now on the bot's clock).</param>
    public static async Task PrepareAsync(BotHarness bot, DateTimeOffset? joinedAt = null)
    {
        using (var reader = File.OpenText(Path.Combine(AzuriteFixture.RepositoryRoot, "samples", "demo-community.jsonl")))
        {
            var store = bot.Services.GetRequiredService<IProfileStore>();
            var summary = await new ProfileImporter(joinedAt is { } at ? new JoinedOn(store, at) : store).ImportAsync(reader);
            Assert.Empty(summary.Errors);
        }

        await bot.RefreshExpertIndexAsync();
        bot.Connector.PagedMembersJson = new JsonObject
        {
            ["members"] = new JsonArray(
                new JsonObject { ["id"] = AmaraId, ["name"] = "Amara Nwosu-Lindqvist", ["aadObjectId"] = AmaraAad, ["tenantId"] = Tenant },
                new JsonObject { ["id"] = TomasTeamsId, ["name"] = "Tomás Ferreira Quispe", ["aadObjectId"] = TomasAad, ["tenantId"] = Tenant }),
        }.ToJsonString();
        using var installed = await bot.PostAsync(bot.Payload("conversation-update-bot-added"));
        Assert.Equal(HttpStatusCode.OK, installed.StatusCode);
    }

    /// <summary>A message @mentioning the bot in the channel (a new thread rooted at this message).</summary>
    public static JsonObject ChannelCommand(BotHarness bot, string text)
    {
        var message = bot.Payload("channel-message-mention");
        message["text"] = "<at>CopBot</at> " + text;
        message["entities"]!.AsArray().RemoveAt(1);
        return message;
    }

    /// <summary>A reply in a thread; with <paramref name="mentionBot"/> it @mentions CopBot (without RSC only those reach the bot).</summary>
    public static JsonObject ThreadReply(BotHarness bot, string threadId, string fromId, string fromName, string text, bool mentionBot)
    {
        var message = bot.Payload("channel-message-mention");
        message["id"] = "17417" + Random.Shared.NextInt64(10_000_000, 99_999_999);
        message["conversation"]!["id"] = threadId;
        message["from"] = new JsonObject { ["id"] = fromId, ["name"] = fromName };
        message["text"] = mentionBot ? "<at>CopBot</at> " + text : text;
        message["attachments"] = new JsonArray();
        if (mentionBot)
        {
            message["entities"]!.AsArray().RemoveAt(1);
        }
        else
        {
            message["entities"] = new JsonArray();
        }

        return message;
    }

    public static JsonObject CardAction(BotHarness bot, string fromId, string? fromAad, string conversationId, string verb, JsonObject data)
    {
        var invoke = bot.Payload("invoke-adaptive-card-action");
        invoke["id"] = "f:" + Guid.NewGuid();
        invoke["from"] = new JsonObject { ["id"] = fromId, ["aadObjectId"] = fromAad };
        invoke["conversation"] = new JsonObject { ["id"] = conversationId, ["conversationType"] = "personal", ["tenantId"] = Tenant };
        invoke["value"] = new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data }, ["trigger"] = "manual" };
        return invoke;
    }

    /// <summary>A button pressed in <see cref="FormThread"/> (the form, or a card in its thread) by <paramref name="fromId"/>.</summary>
    public static JsonObject PressInFormThread(BotHarness bot, string fromId, string verb, JsonObject data)
    {
        var press = CardAction(bot, fromId, null, FormThread, verb, data);
        press["conversation"]!["conversationType"] = "channel";
        press["from"]!["name"] = fromId == FormRequesterId ? "Ada Lovelace" : fromId == AmaraId ? "Amara Nwosu-Lindqvist" : "Someone";
        press["replyToId"] = "form-card-1";
        return press;
    }

    /// <summary>Posts an invoke; the invoke response body (statusCode, type, value).</summary>
    public static async Task<JsonObject> InvokeAsync(BotHarness bot, JsonObject invoke)
    {
        using var response = await bot.PostAsync(invoke);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    public static async Task PostOkAsync(BotHarness bot, JsonObject activity)
    {
        using var response = await bot.PostAsync(activity);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>The 1:1 conversation the bot created for a member (the fake connector numbers them in order).</summary>
    public static string PersonalConversationOf(BotHarness bot, string userId)
    {
        var created = bot.Sent.Where(r => r.Path.EndsWith("/v3/conversations", StringComparison.Ordinal)).ToList();
        var index = created.FindIndex(r => (string?)r.Json!["members"]![0]!["id"] == userId);
        Assert.True(index >= 0, $"no 1:1 conversation created for {userId}");
        return $"a:fake-conversation-{index + 1}";
    }

    public static string Text(RecordedRequest request) => (string?)request.Json?["text"] ?? string.Empty;

    /// <summary>Imports profiles as if they had joined on a given day (the store keeps a given joining date for new profiles).</summary>
    private sealed class JoinedOn(IProfileStore inner, DateTimeOffset joinedAt) : IProfileStore
    {
        public Task<UpsertOutcome> UpsertAsync(ExpertProfile profile, CancellationToken cancellationToken) =>
            inner.UpsertAsync(profile with { JoinedAt = joinedAt }, cancellationToken);

        public Task<IReadOnlyList<UpsertOutcome>> UpsertManyAsync(IReadOnlyList<ExpertProfile> profiles, CancellationToken cancellationToken) =>
            inner.UpsertManyAsync([.. profiles.Select(p => p with { JoinedAt = joinedAt })], cancellationToken);

        public Task<ExpertProfile?> UpdateAsync(
            string community, string id, Func<ExpertProfile?, ExpertProfile?> change, CancellationToken cancellationToken) =>
            inner.UpdateAsync(community, id, change, cancellationToken);

        public Task<ExpertProfile?> GetAsync(string community, string id, CancellationToken cancellationToken) => inner.GetAsync(community, id, cancellationToken);

        public Task<IReadOnlyList<ExpertProfile>> ListAsync(string community, CancellationToken cancellationToken) => inner.ListAsync(community, cancellationToken);

        public Task<ExpertProfile?> FindByAadObjectIdAsync(string community, string aadObjectId, CancellationToken cancellationToken) =>
            inner.FindByAadObjectIdAsync(community, aadObjectId, cancellationToken);

        public Task<ExpertProfile?> FindByEmailAsync(string community, string email, CancellationToken cancellationToken) =>
            inner.FindByEmailAsync(community, email, cancellationToken);
    }
}
