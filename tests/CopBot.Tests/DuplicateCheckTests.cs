using System.Net;
using System.Text.Json.Nodes;
using CopBot.Community;
using CopBot.Testing;
using CopBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CopBot.Tests;

/// <summary>
/// New queries are checked against the knowledge base before routing: likely answers are offered first, nothing is
/// routed until the asker says no, and the pending offer survives a restart.
/// </summary>
[Collection(AzuriteFixture.Collection)]
public sealed class DuplicateCheckTests(AzuriteFixture azurite)
{
    private const string Kept = "How do we target cash transfers to informal workers using the social registry?";

    private static async Task SeedAsync(BotHarness bot)
    {
        await QueryScenario.ImportDemoCommunityAndInstallAsync(bot);
        await bot.Services.GetRequiredService<IKnowledgeBase>().AddAsync(new KnowledgeEntry(
            "default", KnowledgeKind.AnsweredQuery, "q-earlier", Kept,
            "Amara Nwosu-Lindqvist: Use mobile money and the registry's informal-sector module; pilot in two districts.",
            ["cash-transfers"], [new(QueryScenario.AmaraId, "Amara Nwosu-Lindqvist")],
            new KnowledgeThread("msteams", "19:abc@thread.tacv2;messageid=1", "1", QueryScenario.Tenant, new Uri("https://teams.microsoft.com/l/message/19%3Aabc/1")),
            new DateTimeOffset(2025, 2, 1, 9, 0, 0, TimeSpan.Zero)), CancellationToken.None);
    }

    private static string OfferIdOf(BotHarness bot) =>
        bot.SentCards.SelectMany(c => c["actions"]?.AsArray() ?? [])
            .Where(a => (string?)a!["verb"] == "kb.duplicate.yes")
            .Select(a => (string)a!["data"]!["offerId"]!)
            .Single();

    private static int ExpertCards(BotHarness bot) =>
        bot.SentCards.SelectMany(c => c["actions"]?.AsArray() ?? []).Count(a => (string?)a!["verb"] == "query.answer");

    private static Task<JsonObject> ClickAsync(BotHarness bot, JsonObject ask, string fromId, string verb, string offerId) =>
        QueryScenario.InvokeAsync(bot, QueryScenario.CardAction(bot, fromId, (string)ask["conversation"]!["id"]!, verb, new JsonObject { ["offerId"] = offerId }));

    [Fact]
    public async Task Query_KnownQuestion_OffersMatchesFirstAndRoutesNothingUntilNo()
    {
        await using var bot = await BotHarness.StartAsync(azurite);
        await SeedAsync(bot);

        var ask = await QueryScenario.AskInChannelAsync(bot, "How can we target cash transfers at informal workers with the social registry? #cash-transfers");

        var offer = Assert.Single(bot.SentCards, c => c.ToJsonString().Contains("Does one of these answer it?", StringComparison.Ordinal));
        Assert.Contains(Kept, offer.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains(offer["actions"]!.AsArray(), a => (string?)a!["type"] == "Action.OpenUrl");
        SentCardAssert.Valid([offer]);
        Assert.Equal(0, ExpertCards(bot));
        var offerId = OfferIdOf(bot);
        Assert.Null(await bot.Services.GetRequiredService<IQueryStore>().GetAsync("default", offerId, CancellationToken.None));

        // A restart and a redelivered message neither lose the offer nor post it twice.
        await bot.RestartAsync();
        using (var again = await bot.PostAsync(ask))
        {
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        }

        Assert.Single(bot.SentCards, c => c.ToJsonString().Contains("Does one of these answer it?", StringComparison.Ordinal));

        // Only the asker answers the offer; a forged id is refused.
        var stranger = await ClickAsync(bot, ask, "29:1SomeoneElse", "kb.duplicate.no", offerId);
        Assert.Equal(403, (int)stranger["statusCode"]!);
        var forged = await ClickAsync(bot, ask, (string)ask["from"]!["id"]!, "kb.duplicate.no", "q-forged");
        Assert.Equal(404, (int)forged["statusCode"]!);
        Assert.Equal(0, ExpertCards(bot));

        // "No, ask the experts": routed as usual, once, whatever is clicked afterwards.
        var no = await ClickAsync(bot, ask, (string)ask["from"]!["id"]!, "kb.duplicate.no", offerId);
        Assert.Contains("Asking the experts", no["value"]!.ToJsonString(), StringComparison.Ordinal);
        var routed = ExpertCards(bot);
        Assert.True(routed > 0);
        var query = await bot.Services.GetRequiredService<IQueryStore>().GetAsync("default", offerId, CancellationToken.None);
        Assert.Equal(QueryStatus.Open, query!.Status);

        await ClickAsync(bot, ask, (string)ask["from"]!["id"]!, "kb.duplicate.no", offerId);
        var yesAfterNo = await ClickAsync(bot, ask, (string)ask["from"]!["id"]!, "kb.duplicate.yes", offerId);
        Assert.Contains("Asking the experts", yesAfterNo["value"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(routed, ExpertCards(bot));
    }

    [Fact]
    public async Task DuplicateOffer_Yes_ClosesAsAnsweredFromTheKnowledgeBaseAndNobodyIsAsked()
    {
        await using var bot = await BotHarness.StartAsync(azurite);
        await SeedAsync(bot);
        var ask = await QueryScenario.AskInChannelAsync(bot, Kept);
        var offerId = OfferIdOf(bot);

        var yes = await ClickAsync(bot, ask, (string)ask["from"]!["id"]!, "kb.duplicate.yes", offerId);
        await bot.RestartAsync();
        var noAfterYes = await ClickAsync(bot, ask, (string)ask["from"]!["id"]!, "kb.duplicate.no", offerId);

        Assert.Contains("Answered from the knowledge base", yes["value"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("Answered from the knowledge base", noAfterYes["value"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(0, ExpertCards(bot));
        Assert.Null(await bot.Services.GetRequiredService<IQueryStore>().GetAsync("default", offerId, CancellationToken.None));
        var offer = await bot.Services.GetRequiredService<IDuplicateOfferStore>().GetAsync("default", offerId, CancellationToken.None);
        Assert.Equal(DuplicateOfferState.Accepted, offer!.State);
        SentCardAssert.Valid([yes["value"]!.AsObject()]);
    }

    [Fact]
    public async Task Query_NewQuestion_RoutedAtOnceWithoutAnOffer()
    {
        await using var bot = await BotHarness.StartAsync(azurite);
        await SeedAsync(bot);

        var ask = await QueryScenario.AskInChannelAsync(bot, "How do we run prescribed burning with village fire brigades? #fire-management");

        Assert.DoesNotContain(bot.SentCards, c => c.ToJsonString().Contains("Does one of these answer it?", StringComparison.Ordinal));
        var id = CopBot.Features.Query.QueryIds.From("msteams", (string)ask["conversation"]!["id"]!, (string)ask["id"]!);
        var query = await bot.Services.GetRequiredService<IQueryStore>().GetAsync("default", id, CancellationToken.None);
        Assert.Contains(query!.Experts, e => e.State == AssignmentState.Asked);
    }
}
