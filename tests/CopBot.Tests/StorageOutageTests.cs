using System.Net;
using CopBot.Testing;
using CopBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CopBot.Tests;

/// <summary>
/// Table Storage goes away in the middle of a conversation: the turn is refused with a 5xx (Teams redelivers) and
/// nothing is sent; once storage is back, the redelivery is processed, exactly once.
/// </summary>
[Collection(AzuriteFixture.Collection)]
public sealed class StorageOutageTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Message_WhileStorageIsDown_RefusedWithoutReply_ThenTheRedeliveryIsAnsweredOnce()
    {
        await using var bot = await BotHarness.StartAsync(azurite, authenticated: false);
        var activity = bot.Payload("personal-message");
        activity["id"] = "outage-" + Guid.NewGuid().ToString("N");
        activity["text"] = "help";

        await azurite.StopAsync();
        HttpStatusCode during;
        try
        {
            using var response = await bot.PostAsync(activity);
            during = response.StatusCode;
        }
        finally
        {
            await azurite.StartAsync();
        }

        Assert.True((int)during >= 500, $"expected a 5xx so Teams redelivers, got {(int)during}");
        Assert.Empty(bot.Sent);

        // The emulator restarts empty; a real account keeps its tables, so they are recreated as they would still be.
        await bot.Services.GetRequiredService<CopBot.Storage.CopBotTables>().EnsureCreatedAsync(CancellationToken.None);
        using var redelivered = await bot.PostAsync(activity);
        using var again = await bot.PostAsync(activity);

        Assert.Equal(HttpStatusCode.OK, redelivered.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Single(bot.SentCards);
    }
}
