using System.Net;
using CopBot.Testing;
using CopBot.Tests.Support;
using CopBot.Turns;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CopBot.Tests;

/// <summary>The once-only records are purged after the retention through the real host, and only the old ones.</summary>
[Collection(AzuriteFixture.Collection)]
public sealed class ProcessedActivityRetentionTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Retention_AfterAWeek_TheHostsPurgeRemovesOldRecordsAndARecentRedeliveryIsStillIgnored()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        await using var bot = await BotHarness.StartAsync(azurite, authenticated: false, configureServices: s => s.AddSingleton<TimeProvider>(clock));
        await PostOkAsync(bot, Message(bot, "help"));
        var recent = Message(bot, "help");

        clock.Advance(TimeSpan.FromDays(8)); // the hosted purge's first pass falls due
        await PostOkAsync(bot, recent);

        Assert.True(await Eventually.TrueAsync(async () => await bot.CountAsync("ProcessedActivities") == 1), "the old record was not purged");
        var replies = bot.Sent.Count;
        await PostOkAsync(bot, recent); // a redelivery within the week: still recognised, nothing sent
        Assert.Equal(replies, bot.Sent.Count);
        // A pass with nothing old left deletes nothing.
        Assert.Equal(0, await bot.Services.GetRequiredService<ProcessedActivityRetention>().RunOnceAsync(default));
    }

    private static System.Text.Json.Nodes.JsonObject Message(BotHarness bot, string text)
    {
        var message = bot.Payload("personal-message");
        message["id"] = "m-" + Guid.NewGuid().ToString("N")[..10];
        message["text"] = text;
        return message;
    }

    private static async Task PostOkAsync(BotHarness bot, System.Text.Json.Nodes.JsonObject activity)
    {
        using var response = await bot.PostAsync(activity);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
