using System.Net;
using CopBot.Testing;
using CopBot.Tests.Support;

namespace CopBot.Tests;

/// <summary>The cap on turns in progress, through the real pipeline: past it a request is refused at once and nothing is kept.</summary>
[Collection(AzuriteFixture.Collection)]
public sealed class TurnAdmissionTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task CapReached_NextActivityGets503WithRetryAfter_AndItsRedeliveryIsProcessed()
    {
        await using var bot = await BotHarness.StartAsync(azurite, settings: new Dictionary<string, string?> { ["CopBot:MaxConcurrentTurns"] = "1" });
        var hold = ConnectorHold.On(bot.Connector);

        // The first turn stays in progress: its reply is held by the connector.
        var first = bot.PostUndrainedAsync(bot.HelpMessage("admission-1"));
        await hold.FirstHeld.WaitAsync(TimeSpan.FromSeconds(20));

        var second = bot.HelpMessage("admission-2");
        using (var refused = await bot.PostUndrainedAsync(second))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(1), refused.Headers.RetryAfter?.Delta);
        }

        hold.Release();
        using (var done = await first)
        {
            Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        }

        // The refused activity was not recorded as processed: Teams' redelivery is answered.
        var repliesBefore = bot.Sent.Count;
        using (var redelivered = await bot.PostAsync(second))
        {
            Assert.Equal(HttpStatusCode.OK, redelivered.StatusCode);
        }

        Assert.Equal(repliesBefore + 1, bot.Sent.Count);
        Assert.Contains("admission-2", bot.Sent[^1].Path, StringComparison.Ordinal);
    }
}
