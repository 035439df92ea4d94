using System.Net;
using System.Text.Json.Nodes;
using CopBot.Hosting;
using CopBot.Testing;
using CopBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CopBot.Tests;

/// <summary>A valid channel token from a tenant outside <c>CopBot:AllowedTenants</c> gets 403; nothing is sent or stored.</summary>
[Collection(AzuriteFixture.Collection)]
public sealed class TenantAllowListTests(AzuriteFixture azurite)
{
    private const string RecordedTenant = "6e3a9f1c-2b47-4d8a-9c5e-0f1d2a3b4c5d";
    private const string OtherTenant = "0b9c8d7e-6f5a-4b3c-2d1e-0f9a8b7c6d5e";

    [Theory]
    [InlineData("personal-message")]
    [InlineData("channel-message-mention")]
    [InlineData("invoke-adaptive-card-action")]
    [InlineData("installation-update-add")]
    public async Task PostActivity_FromTenantOutsideTheList_Is403AndChangesNothing(string payload)
    {
        await using var bot = await StartRestrictedAsync(OtherTenant);
        var activity = bot.Payload(payload);

        using var response = await bot.PostAsync(activity);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("not enabled for your organisation", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(bot.Sent);
        Assert.Equal(0, await bot.CountTurnRowsAsync());
    }

    [Fact]
    public async Task PostActivity_FromListedTenant_IsServed()
    {
        await using var bot = await StartRestrictedAsync(OtherTenant, RecordedTenant.ToUpperInvariant());
        var activity = bot.Payload("personal-message");
        activity["text"] = "help";

        using var response = await bot.PostAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(bot.SentCards);
    }

    [Fact]
    public async Task PostActivity_WithoutAnyTenantWhileRestricted_Is403()
    {
        await using var bot = await StartRestrictedAsync(RecordedTenant);
        var activity = bot.Payload("personal-message");
        activity["conversation"]!.AsObject().Remove("tenantId");
        activity.Remove("channelData");

        using var response = await bot.PostAsync(activity);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(bot.Sent);
    }

    [Fact]
    public async Task PostActivity_TenantOnlyInChannelData_IsRecognised()
    {
        await using var bot = await StartRestrictedAsync(RecordedTenant);
        var activity = bot.Payload("personal-message");
        activity["text"] = "help";
        activity["conversation"]!.AsObject().Remove("tenantId");
        activity["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = RecordedTenant } };

        using var response = await bot.PostAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task PostActivity_UnauthenticatedFromListedTenant_Is401NotServed()
    {
        await using var bot = await StartRestrictedAsync(RecordedTenant);

        using var response = await bot.PostAsync(bot.Payload("personal-message"), token: "not-a-jwt");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(bot.Sent);
    }

    private Task<BotHarness> StartRestrictedAsync(params string[] tenants) =>
        BotHarness.StartAsync(azurite, configureServices: services => services.Configure<CopBotOptions>(o =>
        {
            foreach (var tenant in tenants)
            {
                o.AllowedTenants.Add(tenant);
            }
        }));
}
