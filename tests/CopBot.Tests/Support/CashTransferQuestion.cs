using System.Text.Json.Nodes;
using CopBot.Testing;
using Microsoft.Extensions.Time.Testing;

namespace CopBot.Tests.Support;

/// <summary>
/// The preamble of the query tests that build on one answered question (availability, rating): the demo community
/// behind a bot in the team on a fake clock, a question on cash transfers that routes to Amara among others, and
/// Amara's answer from her 1:1 card.
/// </summary>
internal static class CashTransferQuestion
{
    public const string Question = "How do we design cash transfers for informal workers using the social registry? #cash-transfers #social-registry";

    /// <summary>A bot on <paramref name="clock"/> with the demo community imported and installed in the team (see <see cref="CommunityScenario.PrepareAsync"/>).</summary>
    public static async Task<BotHarness> StartAsync(AzuriteFixture azurite, FakeTimeProvider clock)
    {
        var bot = await CommunityScenario.StartAsync(azurite, clock);
        try
        {
            await CommunityScenario.PrepareAsync(bot);
            return bot;
        }
        catch
        {
            await bot.DisposeAsync();
            throw;
        }
    }

    /// <summary>Amara answers query <paramref name="requestId"/> from her 1:1 card; the bot takes it (200).</summary>
    public static async Task AmaraAnswersAsync(BotHarness bot, string requestId)
    {
        var answered = await QueryScenario.InvokeAsync(bot, QueryScenario.CardAction(bot, CommunityScenario.AmaraId, "a:amara-chat", "query.answer",
            new JsonObject { ["requestId"] = requestId, ["answer"] = "Start from the social registry and pay by mobile money." }));
        Assert.Equal(200, (int)answered["statusCode"]!);
    }
}
