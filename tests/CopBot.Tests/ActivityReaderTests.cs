using System.Net;
using CopBot.Hosting;
using CopBot.Testing;
using CopBot.Tests.Support;

namespace CopBot.Tests;

/// <summary>Bad input through the real pipeline: a clear 4xx, nothing sent, nothing stored.</summary>
[Collection(AzuriteFixture.Collection)]
public sealed class ActivityReaderTests(AzuriteFixture azurite)
{
    [Theory]
    [InlineData("{not json", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("[1,2,3]", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("{\"type\":\"message\"}", "text/plain", HttpStatusCode.UnsupportedMediaType)]
    [InlineData("{\"type\":\"message\",\"text\":\"hi\"}", "application/json", HttpStatusCode.BadRequest)]
    public async Task PostActivity_MalformedBody_Rejected(string body, string contentType, HttpStatusCode expected)
    {
        await using var bot = await BotHarness.StartAsync(azurite, authenticated: false);

        using var response = await bot.PostRawAsync(body, contentType, token: null);

        Assert.Equal(expected, response.StatusCode);
        Assert.Empty(bot.Sent);
        Assert.Equal(0, await bot.CountTurnRowsAsync());
    }

    [Theory]
    [InlineData("serviceUrl")]
    [InlineData("from")]
    [InlineData("conversation")]
    [InlineData("type")]
    [InlineData("channelId")]
    public async Task PostActivity_RequiredFieldMissing_400NamingTheField(string field)
    {
        await using var bot = await BotHarness.StartAsync(azurite, authenticated: false);
        var activity = bot.Payload("personal-message");
        activity.Remove(field);

        using var response = await bot.PostAsync(activity);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(field, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(bot.Sent);
        Assert.Equal(0, await bot.CountTurnRowsAsync());
    }

    [Theory]
    [InlineData("entities")]
    [InlineData("attachments")]
    [InlineData("membersAdded")]
    public async Task PostActivity_ListWithANullEntry_400NamingTheFieldAndNothingStored(string field)
    {
        // Found by the pipeline fuzzer (seed 1KZfP1cXiKm6): "entities":[null] gave a 500.
        await using var bot = await BotHarness.StartAsync(azurite, authenticated: false);
        var activity = bot.Payload("personal-message");
        activity[field] = new System.Text.Json.Nodes.JsonArray((System.Text.Json.Nodes.JsonNode?)null);

        using var response = await bot.PostAsync(activity);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"'{field}'", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(bot.Sent);
        Assert.Equal(0, await bot.CountTurnRowsAsync());
    }

    [Fact]
    public async Task PostActivity_InvokeWithoutName_400NamingTheFieldNot501()
    {
        await using var bot = await BotHarness.StartAsync(azurite, authenticated: false);
        var activity = bot.Payload("invoke-adaptive-card-action");
        activity.Remove("name");

        using var response = await bot.PostAsync(activity);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("'name'", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(bot.Sent);
        Assert.Equal(0, await bot.CountTurnRowsAsync());
    }

    [Theory]
    [InlineData("id")]
    [InlineData("from.id")]
    [InlineData("conversation.id")]
    [InlineData("recipient.id")]
    [InlineData("replyToId")]
    [InlineData("channelId")]
    [InlineData("conversation.tenantId")]
    public async Task PostActivity_IdLongerThanTableKeysAllow_400NamingTheFieldAndNothingStored(string field) =>
        await AssertBadIdRefusedAsync(field, new string('x', ActivityReader.MaxIdLength + 1));

    [Theory]
    [InlineData("id", "1741684802118\r\n")]
    [InlineData("from.id", "29:abc\u0000")]
    [InlineData("conversation.id", "a:\u001b[31m")]
    public async Task PostActivity_IdWithControlCharacters_400NamingTheField(string field, string escaped) =>
        await AssertBadIdRefusedAsync(field, System.Text.RegularExpressions.Regex.Unescape(escaped));

    private async Task AssertBadIdRefusedAsync(string field, string badId)
    {
        await using var bot = await BotHarness.StartAsync(azurite, authenticated: false);
        var activity = bot.Payload("personal-message");
        if (field.Split('.') is [var parent, var child])
        {
            activity[parent]![child] = badId;
        }
        else
        {
            activity[field] = badId;
        }

        using var response = await bot.PostAsync(activity);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"'{field}'", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(bot.Sent);
        Assert.Equal(0, await bot.CountTurnRowsAsync());
    }

    [Theory]
    [InlineData("conversation-update-bot-added")]
    [InlineData("installation-update-add")]
    public async Task PostActivity_KeyedChannelDataOrMemberIdTooLong_400AndNothingStored(string payload)
    {
        // Found by the pipeline fuzzer: these become table keys, so an oversize one failed half-way with a 500.
        await using var bot = await BotHarness.StartAsync(azurite, authenticated: false);
        var activity = bot.Payload(payload);
        var tooLong = new string('x', ActivityReader.MaxIdLength + 1);
        activity["channelData"] = new System.Text.Json.Nodes.JsonObject { ["tenant"] = new System.Text.Json.Nodes.JsonObject { ["id"] = tooLong } };
        activity["membersAdded"] = new System.Text.Json.Nodes.JsonArray(new System.Text.Json.Nodes.JsonObject { ["id"] = tooLong });

        using var response = await bot.PostAsync(activity);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(bot.Sent);
        Assert.Equal(0, await bot.CountTurnRowsAsync());
    }

    [Fact]
    public async Task PostActivity_ServiceUrlNotHttp_400()
    {
        await using var bot = await BotHarness.StartAsync(azurite, authenticated: false);
        var activity = bot.Payload("personal-message");
        activity["serviceUrl"] = "file:///etc/passwd";

        using var response = await bot.PostAsync(activity);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await bot.CountTurnRowsAsync());
    }

    [Fact]
    public async Task PostActivity_OneMegabyteText_413AndNothingStored()
    {
        await using var bot = await BotHarness.StartAsync(azurite, authenticated: false);
        var activity = bot.Payload("personal-message");
        activity["text"] = new string('x', 1024 * 1024);

        using var response = await bot.PostAsync(activity);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(bot.Sent);
        Assert.Equal(0, await bot.CountTurnRowsAsync());
    }

    [Fact]
    public async Task PostActivity_UnknownActivityType_AcceptedAndIgnoredPolitely()
    {
        await using var bot = await BotHarness.StartAsync(azurite, authenticated: false);
        var activity = bot.Payload("personal-message");
        activity["type"] = "somethingNew";

        using var response = await bot.PostAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(bot.Sent);
    }
}
