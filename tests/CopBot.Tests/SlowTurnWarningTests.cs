using System.Net;
using CopBot.Testing;
using CopBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CopBot.Tests;

/// <summary>A slow turn is logged with where its time went; a quick one is not. Through the real pipeline, on Azurite.</summary>
[Collection(AzuriteFixture.Collection)]
public sealed class SlowTurnWarningTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task ReplyHeldByTheConnector_TurnLoggedAsSlow_WithTheConnectorsShare()
    {
        var logs = new RecordingLoggerProvider();
        await using var bot = await StartAsync(logs, threshold: "00:00:00.200");
        bot.Connector.BeforeAnswer = async (_, ct) =>
        {
            await Task.Delay(400, ct);
            return null;
        };

        using (var response = await bot.PostAsync(bot.HelpMessage("slow-1")))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var warning = Assert.Single(logs.Messages, m => m.StartsWith("Warning Slow turn", StringComparison.Ordinal));
        Assert.Contains("activity slow-1", warning, StringComparison.Ordinal);
        var connectorMs = double.Parse(
            System.Text.RegularExpressions.Regex.Match(warning, @"connector calls (\d+) ms").Groups[1].Value,
            System.Globalization.CultureInfo.InvariantCulture);
        // Task.Delay runs on the coarse tick clock (4 ms steps on Linux), so the 400 ms hold can end a few ms early as
        // the bot's stopwatch sees it (397 ms has been seen).
        Assert.InRange(connectorMs, 390, 30_000);
    }

    [Fact]
    public async Task QuickTurn_NoWarning_AndZeroTurnsTheWarningOff()
    {
        var logs = new RecordingLoggerProvider();
        await using (var bot = await StartAsync(logs, threshold: "00:00:10"))
        {
            using var response = await bot.PostAsync(bot.HelpMessage("quick-1"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var off = new RecordingLoggerProvider();
        await using (var bot = await StartAsync(off, threshold: "00:00:00"))
        {
            bot.Connector.BeforeAnswer = async (_, ct) =>
            {
                await Task.Delay(100, ct);
                return null;
            };
            using var response = await bot.PostAsync(bot.HelpMessage("off-1"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        // Both bots logged (start-up at least), just no slow turn.
        Assert.NotEmpty(logs.Messages);
        Assert.NotEmpty(off.Messages);
        Assert.DoesNotContain(logs.Messages.Concat(off.Messages), m => m.Contains("Slow turn", StringComparison.Ordinal));
    }

    private Task<BotHarness> StartAsync(RecordingLoggerProvider logs, string threshold) =>
        BotHarness.StartAsync(
            azurite,
            configureServices: services => services.AddSingleton<ILoggerProvider>(logs),
            settings: new Dictionary<string, string?> { ["CopBot:SlowTurnWarning"] = threshold });
}
