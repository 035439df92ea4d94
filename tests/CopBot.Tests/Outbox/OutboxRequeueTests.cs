using System.Net;
using CopBot.Cli;
using CopBot.Community;
using CopBot.Features.Query;
using CopBot.Outbox;
using CopBot.Testing;
using CopBot.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CopBot.Tests.Outbox;

/// <summary>
/// The operator's way back for poisoned notifications, through the admin CLI against the running bot's Azurite: an
/// expert's card that kept failing is listed, requeued once the connector works again, and sent exactly once; what is
/// not an outbox message stays in the poison queue.
/// </summary>
[Collection(AzuriteFixture.Collection)]
public sealed class OutboxRequeueTests(AzuriteFixture azurite)
{
    private const int Experts = 10;

    [Fact]
    public async Task CardPoisonedWhileTheConnectorFailed_ListedThenRequeued_SentExactlyOnce_UnreadableLeft()
    {
        var settings = new Dictionary<string, string?>(FanOutScenario.Settings(Experts)) { ["CopBot:Outbox:MaxDequeueCount"] = "2" };
        await using var bot = await BotHarness.StartAsync(azurite, authenticated: false, settings: settings);
        await FanOutScenario.SeedAsync(bot.Services.GetRequiredService<IProfileStore>(), bot.Services.GetRequiredService<IContactStore>(), bot.Connector.ServiceUrl, Experts);
        await bot.RefreshExpertIndexAsync();
        var unreachable = FanOutScenario.ChatOf(3);
        bot.Connector.BeforeAnswer = (request, _) => Task.FromResult<int?>(
            FanOutScenario.IsExpertCardSend(request.Method, request.Path.Value ?? "") && request.Path.Value!.Contains(unreachable, StringComparison.Ordinal) ? 500 : null);
        var queues = bot.Services.GetRequiredService<OutboxQueues>();
        await queues.Poison.SendMessageAsync("this is not an outbox message");
        using (var response = await bot.PostUndrainedAsync(FanOutScenario.Ask(bot.Payload("channel-message-mention"))))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        await bot.DrainOutboxAsync();
        Assert.DoesNotContain(unreachable, FanOutScenario.CardsPerChat(bot.Connector.Requests).Keys);

        var (listed, listedCode, _) = await AdminCommand.RunAsync(bot, "outbox", "poisoned");
        Assert.Equal(0, listedCode);
        Assert.Contains(listed.Split('\n'), line => line.Contains(ExpertAskDelivery.AskKind, StringComparison.Ordinal) && line.Contains(FanOutScenario.ExpertId(3), StringComparison.Ordinal));
        Assert.Contains("(not an outbox message)", listed, StringComparison.Ordinal);

        bot.Connector.BeforeAnswer = null;
        var (requeued, requeueCode, requeueErrors) = await AdminCommand.RunAsync(bot, "outbox", "requeue");
        await bot.DrainOutboxAsync();

        Assert.Equal(0, requeueCode);
        Assert.Contains("Requeued 1 poisoned notifications; 1 left", requeued, StringComparison.Ordinal);
        Assert.Contains("not an outbox message", requeueErrors, StringComparison.Ordinal);
        FanOutScenario.AssertEachExpertOnce(bot.Connector.Requests, Experts);
        var left = Assert.Single((await queues.Poison.PeekMessagesAsync(32)).Value);
        Assert.Equal("this is not an outbox message", left.MessageText);

        // Run again: nothing left to move, nothing sent twice.
        var (again, _, _) = await AdminCommand.RunAsync(bot, "outbox", "requeue");
        await bot.DrainOutboxAsync();
        Assert.Contains("Requeued 0 poisoned notifications", again, StringComparison.Ordinal);
        FanOutScenario.AssertEachExpertOnce(bot.Connector.Requests, Experts);
    }

    [Fact]
    public async Task NoQueueService_ClearError_ExitCode2()
    {
        var settings = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Tables"] = azurite.TablesOnlyConnectionString,
            ["CopBot:TablePrefix"] = "Q" + Guid.NewGuid().ToString("N")[..12],
        }).Build();
        using var errors = new StringWriter();

        var code = await AdminCli.RunAsync(["outbox", "requeue"], settings, TextWriter.Null, errors);

        Assert.Equal(2, code);
        Assert.Contains("No queue service is configured", errors.ToString(), StringComparison.Ordinal);
    }
}
