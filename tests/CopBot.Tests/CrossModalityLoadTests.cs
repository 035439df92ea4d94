using System.Text.Json.Nodes;
using CopBot.Community;
using CopBot.Testing;
using CopBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static CopBot.Tests.Support.CommunityScenario;

namespace CopBot.Tests;

/// <summary>
/// maxOpenRequests counts open requests of every modality, through the real pipeline: an expert at the cap through a
/// discussion invitation is not asked a query (the next in line is), and the reverse; a decline or an answer given on
/// this instance frees the slot at once, without waiting for the 30 s recount.
/// </summary>
[Collection(AzuriteFixture.Collection)]
public sealed class CrossModalityLoadTests(AzuriteFixture azurite)
{
    private const string Topic = "Cash transfers for informal workers: how did you use the social registry? #cash-transfers #social-registry";
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero));

    private static async Task<QueryRequest> AskAsync(BotHarness bot)
    {
        var ask = await QueryScenario.AskInChannelAsync(bot, CashTransferQuestion.Question);
        var queries = await bot.Services.GetRequiredService<IQueryStore>().ListAsync("default", CancellationToken.None);
        return queries.Single(q => q.Place.QuestionActivityId == (string)ask["id"]!);
    }

    private static IEnumerable<string> AskedIds(QueryRequest query) =>
        query.Experts.Where(e => e.State == AssignmentState.Asked).Select(e => e.ExpertId);

    private static async Task<Discussion> OpenDiscussionAsync(BotHarness bot)
    {
        // A new root message each time, so a second discussion is not taken for a redelivery of the first.
        var open = ChannelCommand(bot, "discuss " + Topic);
        var root = Guid.NewGuid().ToString("N")[..13];
        open["id"] = root;
        open["conversation"]!["id"] = $"19:7b2e4d6f8a0c4e1b9d3f5a7c2e4b6d8f@thread.tacv2;messageid={root}";
        await PostOkAsync(bot, open);
        var store = bot.Services.GetRequiredService<IDiscussionStore>();
        var ids = await store.ListOpenAsync("default", CancellationToken.None);
        var discussions = await Task.WhenAll(ids.Select(id => store.GetAsync("default", id, CancellationToken.None)));
        return discussions.OfType<Discussion>().Single(d => d.Place.QuestionActivityId == (string)open["id"]!);
    }

    private static async Task<BotHarness> StartWithAmaraCappedAtOneAsync(AzuriteFixture azurite, FakeTimeProvider clock)
    {
        var bot = await CashTransferQuestion.StartAsync(azurite, clock);
        var profiles = bot.Services.GetRequiredService<IProfileStore>();
        var amara = (await profiles.GetAsync("default", AmaraId, CancellationToken.None))!;
        await profiles.UpsertAsync(amara with { MaxOpenRequests = 1 }, CancellationToken.None);
        await bot.RefreshExpertIndexAsync();
        return bot;
    }

    [Fact]
    public async Task Query_ExpertAtCapThroughADiscussionInvitation_SkippedAndNextAskedUntilSheDeclinesIt()
    {
        await using var bot = await StartWithAmaraCappedAtOneAsync(azurite, _clock);
        var discussion = await OpenDiscussionAsync(bot);
        Assert.Equal(InviteState.Invited, discussion.Find(AmaraId, null)!.State);

        var whileInvited = await AskAsync(bot);

        Assert.DoesNotContain(whileInvited.Experts, e => e.ExpertId == AmaraId);
        Assert.Equal(3, AskedIds(whileInvited).Count());

        // Past the cache's age the counts come from the tables again, the discussion invitation among them.
        _clock.Advance(OpenRequestLoad.MaxAge);
        var recounted = await bot.Services.GetRequiredService<OpenRequestLoad>().CountsAsync("default", CancellationToken.None);
        Assert.Equal(1, recounted.GetValueOrDefault(AmaraId));

        // Amara presses "Not now" on her 1:1 invitation: her one slot is free again at once.
        var notNow = await InvokeAsync(bot, CardAction(bot, AmaraId, AmaraAad, PersonalConversationOf(bot, AmaraId), "discuss.notnow", new JsonObject { ["requestId"] = discussion.Id }));
        Assert.Equal(200, (int)notNow["statusCode"]!);
        var afterDeclining = await AskAsync(bot);

        Assert.Contains(AmaraId, AskedIds(afterDeclining));
        // With her slot free she takes back the place the next in line had: one of the first query's asked experts steps aside.
        Assert.Equal(3, AskedIds(afterDeclining).Count());
        Assert.Single(AskedIds(whileInvited).Except(AskedIds(afterDeclining)));
    }

    [Fact]
    public async Task Discuss_ExpertAtCapThroughAnAskedQuery_NotInvitedUntilSheAnswers()
    {
        await using var bot = await StartWithAmaraCappedAtOneAsync(azurite, _clock);
        var query = await AskAsync(bot);
        Assert.Contains(AmaraId, AskedIds(query));

        var whileAsked = await OpenDiscussionAsync(bot);
        await CashTransferQuestion.AmaraAnswersAsync(bot, query.Id);
        var afterAnswering = await OpenDiscussionAsync(bot);

        Assert.Null(whileAsked.Find(AmaraId, null));
        Assert.Equal(InviteState.Invited, afterAnswering.Find(AmaraId, null)!.State);
    }
}
