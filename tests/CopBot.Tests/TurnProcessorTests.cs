using System.Net;
using CopBot.Protocol;
using CopBot.Testing;
using CopBot.Tests.Support;
using CopBot.Turns;
using Microsoft.Extensions.DependencyInjection;

namespace CopBot.Tests;

/// <summary>
/// A turn that throws: logged and answered with an apology (for an invoke, an error invoke response). When even the apology
/// fails, an acknowledged message stays unfinished and is run again after its lease.
/// </summary>
[Collection(AzuriteFixture.Collection)]
public sealed class TurnProcessorTests(AzuriteFixture azurite)
{
    /// <summary>A feature that fails on the word "boom", standing in for any bug in a handler.</summary>
    private sealed class ExplodingFeature : IBotFeature
    {
        public IEnumerable<TurnRoute> Routes =>
            [new("boom", t => t.Command.Is("boom"), (_, _) => throw new InvalidOperationException("handler bug"))];

        public IEnumerable<CardActionRoute> CardActions =>
            [new("boom.verb", (_, _, _) => throw new InvalidOperationException("card handler bug"))];
    }

    private Task<BotHarness> StartAsync() =>
        BotHarness.StartAsync(azurite, configureServices: s => s.AddSingleton<IBotFeature, ExplodingFeature>());

    [Fact]
    public async Task ProcessAsync_HandlerThrows_RepliesWithApologyAnd200()
    {
        await using var bot = await StartAsync();
        var activity = bot.Payload("personal-message");
        activity["text"] = "boom";

        using var response = await bot.PostAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var apology = Assert.Single(bot.Sent);
        Assert.Equal(TurnProcessor.Apology, (string?)apology.Json!["text"]);
    }

    [Fact]
    public async Task ProcessAsync_HandlerThrowsAndConnectorDown_AcknowledgedThenTakenOverAfterItsLease_OneApology()
    {
        // A message is acknowledged once stored, so the failure cannot become a 500 for Teams to redeliver: the turn
        // stays unfinished and the next sweep after its lease runs it again.
        await using var bot = await BotHarness.StartAsync(
            azurite,
            configureServices: s => s.AddSingleton<IBotFeature, ExplodingFeature>(),
            settings: new Dictionary<string, string?> { ["CopBot:Inbox:Lease"] = "00:00:01", ["CopBot:Inbox:SweepInterval"] = "00:00:00.100" });
        var activity = bot.Payload("personal-message");
        activity["text"] = "boom";
        bot.Connector.FailNext(500, times: 1);

        using var first = await bot.PostAsync(activity);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.DoesNotContain(bot.Sent, r => r.StatusCode < 300);

        Assert.True(await Eventually.TrueAsync(() => Task.FromResult(bot.Sent.Any(r => r.StatusCode < 300))), "the apology after the take-over");
        using var redelivery = await bot.PostAsync(activity);
        await Task.Delay(1500); // past another lease: a completed turn is not taken over again
        Assert.Equal(HttpStatusCode.OK, redelivery.StatusCode);
        Assert.Single(bot.Sent, r => r.StatusCode < 300 && (string?)r.Json!["text"] == TurnProcessor.Apology);
    }

    [Fact]
    public async Task ProcessAsync_InvokeHandlerThrows_500ErrorInvokeResponseWithApology()
    {
        await using var bot = await StartAsync();
        var activity = bot.Payload("invoke-adaptive-card-action");
        activity["value"]!["action"]!["verb"] = "boom.verb";

        using var response = await bot.PostAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(500, (int)body["statusCode"]!);
        Assert.Equal(ContentTypes.Error, (string?)body["type"]);
        Assert.Contains(TurnProcessor.Apology, body.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProcessAsync_InvokeWithUnknownVerb_ErrorInvokeResponse()
    {
        await using var bot = await StartAsync();
        var activity = bot.Payload("invoke-adaptive-card-action");
        activity["value"]!["action"]!["verb"] = "no.such.verb";

        using var response = await bot.PostAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(ContentTypes.Error, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
