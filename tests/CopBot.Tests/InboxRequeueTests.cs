using System.Net;
using CopBot.Testing;
using CopBot.Tests.Support;
using CopBot.Turns;
using Microsoft.Extensions.DependencyInjection;

namespace CopBot.Tests;

/// <summary>
/// The operator's way back for activities the bot gave up on, through the admin CLI against the running bot's Azurite:
/// a message whose turn kept failing (the connector was down) is listed, requeued once the connector works again,
/// and answered exactly once; unclear or unknown requests get a clear error and change nothing.
/// </summary>
[Collection(AzuriteFixture.Collection)]
public sealed class InboxRequeueTests(AzuriteFixture azurite)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task GivenUpWhileTheConnectorWasDown_ListedThenRequeued_AnsweredExactlyOnce()
    {
        await using var bot = await BotHarness.StartAsync(azurite, authenticated: false, settings: InboxSettings.GiveUpQuickly);
        var connectorDown = true;
        bot.Connector.BeforeAnswer = (_, _) => Task.FromResult<int?>(Volatile.Read(ref connectorDown) ? 503 : null);
        var message = bot.HelpMessage("inbox-requeue-1");
        message["text"] = "help\twith a tab";

        using (var response = await bot.PostAsync(message))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.True(await Eventually.TrueAsync(async () => await InboxRows.AbandonedAsync(bot.ConnectionString, bot.TablePrefix) == 1, Patience), "the activity to be given up");
        var (listed, listCode, _) = await AdminCommand.RunAsync(bot, "inbox", "abandoned");
        Assert.Equal(0, listCode);
        var row = Assert.Single(listed.TrimEnd().Split('\n').Skip(1)).Split('\t');
        Assert.Equal(["2", "inbox-requeue-1", "message", "help with a tab"], [row[2], row[3], row[5], row[6]]);
        Assert.DoesNotContain(bot.Sent, r => r.StatusCode < 300);

        Volatile.Write(ref connectorDown, false);
        var (requeued, requeueCode, _) = await AdminCommand.RunAsync(bot, "inbox", "requeue", "--activity", "inbox-requeue-1");

        Assert.Equal(0, requeueCode);
        Assert.Contains("Requeued 1 of 1", requeued, StringComparison.Ordinal);
        Assert.True(await Eventually.TrueAsync(() => Task.FromResult(bot.Sent.Any(r => r.StatusCode < 300)), Patience), "the requeued message to be answered");
        await bot.Services.GetRequiredService<BackgroundTurns>().WhenIdleAsync().WaitAsync(Patience);
        Assert.True(await Eventually.TrueAsync(async () => await InboxRows.UnfinishedAsync(bot.ConnectionString, bot.TablePrefix) == 0, Patience), "the turn to complete");
        Assert.Single(bot.Sent, r => r.StatusCode < 300);
        Assert.Equal(0, await InboxRows.AbandonedAsync(bot.ConnectionString, bot.TablePrefix));

        // Asked again: nothing abandoned any more, so nothing changes.
        var (_, againCode, againErrors) = await AdminCommand.RunAsync(bot, "inbox", "requeue", "--activity", "inbox-requeue-1");
        Assert.Equal(1, againCode);
        Assert.Contains("No abandoned activity has the id 'inbox-requeue-1'", againErrors, StringComparison.Ordinal);
        Assert.Single(bot.Sent, r => r.StatusCode < 300);
    }

    [Theory]
    [InlineData]
    [InlineData("--all", "--activity", "x")]
    public async Task Requeue_NeitherOrBothSelections_ClearErrorExitCode2(params string[] selection)
    {
        await using var bot = await BotHarness.StartAsync(azurite, authenticated: false);

        var (output, code, errors) = await AdminCommand.RunAsync(bot, ["inbox", "requeue", .. selection]);

        Assert.Equal(2, code);
        Assert.Empty(output);
        Assert.Contains("--activity <id>", errors, StringComparison.Ordinal);
    }
}
