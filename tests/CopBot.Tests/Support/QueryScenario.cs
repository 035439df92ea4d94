using System.Net;
using System.Text.Json.Nodes;
using CopBot.Community;
using CopBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CopBot.Tests.Support;

/// <summary>
/// The steps of a query conversation that knowledge-base tests build on: the demo community imported, the bot in the
/// team, a question asked in the channel, an expert's answer and the asker's close, all through the real pipeline.
/// </summary>
internal static class QueryScenario
{
    public const string Tenant = "6e3a9f1c-2b47-4d8a-9c5e-0f1d2a3b4c5d";
    public const string AmaraId = "29:1Qm7vXyZk3TfPa9LbR2cWd8EhNs5UoJgYi4KzAx6BqVt0MnFl";

    public static async Task ImportDemoCommunityAndInstallAsync(BotHarness bot)
    {
        using (var reader = File.OpenText(Path.Combine(AzuriteFixture.RepositoryRoot, "samples", "demo-community.jsonl")))
        {
            var summary = await new ProfileImporter(bot.Services.GetRequiredService<IProfileStore>()).ImportAsync(reader);
            Assert.Empty(summary.Errors);
        }

        await bot.RefreshExpertIndexAsync();
        bot.Connector.PagedMembersJson = new JsonObject
        {
            ["members"] = new JsonArray(new JsonObject { ["id"] = AmaraId, ["name"] = "Amara Nwosu-Lindqvist", ["aadObjectId"] = "6f1c2a3b-8d4e-4f5a-9b6c-7d8e9f0a1b2c", ["tenantId"] = Tenant }),
        }.ToJsonString();
        using var installed = await bot.PostAsync(bot.Payload("conversation-update-bot-added"));
        Assert.Equal(HttpStatusCode.OK, installed.StatusCode);
    }

    /// <summary>Asks in the team channel as a new root message; returns the message sent (its from is the asker).</summary>
    public static async Task<JsonObject> AskInChannelAsync(BotHarness bot, string question)
    {
        var ask = bot.Payload("channel-message-mention");
        var root = Guid.NewGuid().ToString("N")[..13];
        ask["id"] = root;
        ask["conversation"]!["id"] = $"19:7b2e4d6f8a0c4e1b9d3f5a7c2e4b6d8f@thread.tacv2;messageid={root}";
        ask["text"] = "<at>CopBot</at> query " + question;
        using var response = await bot.PostAsync(ask);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return ask;
    }

    public static string QueryIdOf(BotHarness bot, string question) =>
        bot.SentCards.SelectMany(c => c["actions"]?.AsArray() ?? [])
            .Where(a => (string?)a!["verb"] == "query.answer")
            .Select(a => (string)a!["data"]!["requestId"]!)
            .Last();

    public static JsonObject CardAction(BotHarness bot, string fromId, string conversationId, string verb, JsonObject data)
    {
        var invoke = bot.Payload("invoke-adaptive-card-action");
        invoke["id"] = "f:" + Guid.NewGuid();
        invoke["from"] = new JsonObject { ["id"] = fromId };
        invoke["conversation"] = new JsonObject { ["id"] = conversationId, ["conversationType"] = "personal", ["tenantId"] = Tenant };
        invoke["value"] = new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data }, ["trigger"] = "manual" };
        return invoke;
    }

    public static async Task<JsonObject> InvokeAsync(BotHarness bot, JsonObject invoke)
    {
        using var response = await bot.PostAsync(invoke);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    /// <summary>A 1:1 message from a member, e.g. a command.</summary>
    public static async Task SayInPersonalChatAsync(BotHarness bot, string text, string? fromId = null)
    {
        var message = bot.Payload("personal-message");
        if (fromId is not null)
        {
            message["from"] = new JsonObject { ["id"] = fromId };
        }

        message["id"] = "m-" + Guid.NewGuid().ToString("N")[..10];
        message["text"] = text;
        using var response = await bot.PostAsync(message);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
