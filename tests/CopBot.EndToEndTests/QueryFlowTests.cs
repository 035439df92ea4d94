using System.Text.Json.Nodes;
using CopBot.Community;
using CopBot.EndToEndTests.Support;
using CopBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CopBot.EndToEndTests;

/// <summary>
/// The query modality through the real Agents Playground: a member asks in the team channel, an expert who is in
/// the team gets a 1:1 card, answers from it, and the answer appears in the asker's thread while the thread's
/// acknowledgement card is updated in place.
/// </summary>
[Collection(AzuriteFixture.Collection)]
public sealed class QueryFlowTests(AzuriteFixture azurite)
{
    private static async Task<ExpertAssignment> WaitUntilAskedAsync(IQueryStore store, string requestId, string expertId)
    {
        var deadline = DateTime.UtcNow + EndToEndHarness.ReplyTimeout;
        while (DateTime.UtcNow < deadline)
        {
            var query = await store.GetAsync("default", requestId, CancellationToken.None);
            if (query?.Find(expertId, null) is { State: AssignmentState.Asked, CardActivityId: not null } asked)
            {
                return asked;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"Expert {expertId} was not asked for {requestId} in time.");
    }

    [Fact]
    public async Task Query_InTeamChannel_ExpertAnswersFromPersonalCardAndAnswerLandsInThread()
    {
        await using var e2e = await EndToEndHarness.StartInTeamChannelAsync(azurite);

        var thread = await e2e.CommandInChannelAsync("query How do we run prescribed burning safely with village fire brigades? #fire-management");

        var ack = await e2e.WaitForCardAsync(thread, "Query");
        CardAssert.Valid(ack.Cards[0], "query acknowledgement");
        var requestId = (string)ack.Cards[0]["actions"]![0]!["data"]!["requestId"]!;
        var kalani = await WaitUntilAskedAsync(e2e.Bot.Services.GetRequiredService<IQueryStore>(), requestId, DemoCommunity.KalaniId);
        Assert.Equal(NotificationChannel.PersonalCard, kalani.NotifiedBy);

        var invoked = await e2e.InvokeAsync(kalani.PersonalConversationId!, kalani.CardActivityId!, "query.answer",
            new JsonObject { ["requestId"] = requestId, ["answer"] = "Burn in the early dry season with a permit, brief the brigade, keep a wet line." },
            fromId: DemoCommunity.KalaniId);

        Assert.Equal(PlaygroundMessage.AdaptiveCardType, (string?)invoked["type"]);
        Assert.Contains("Thank you", invoked["value"]!.ToJsonString(), StringComparison.Ordinal);
        var answer = await e2e.WaitForBotMessageAsync(m => m.ConversationId == thread && m.Cards.Count > 0
            && CardAssert.Texts(m.Cards[0])[0].StartsWith("Answer from Kalani", StringComparison.Ordinal));
        CardAssert.Valid(answer.Cards[0], "answer in thread");
        var updated = await e2e.WaitForBotMessageAsync(m => m.Action == "updateMessage" && m.MessageId == ack.MessageId
            && m.Cards.Count > 0 && m.Cards[0].ToJsonString().Contains("1 answer so far", StringComparison.Ordinal));
        CardAssert.Valid(updated.Cards[0], "acknowledgement after the answer");
    }

    [Fact]
    public async Task Query_OneAnswersOneDeclinesRestartAskerCloses_NextExpertAskedAndCardsUpdated()
    {
        await using var e2e = await EndToEndHarness.StartInTeamChannelAsync(azurite);
        var store = e2e.Bot.Services.GetRequiredService<IQueryStore>();
        var thread = await e2e.CommandInChannelAsync("query How do we run post-distribution monitoring of cash transfers paid by mobile money? #cash-transfers #post-distribution-monitoring");
        var ack = await e2e.WaitForCardAsync(thread, "Query");
        var requestId = (string)ack.Cards[0]["actions"]![0]!["data"]!["requestId"]!;
        var carded = await WaitUntilAskedByCardAsync(store, requestId, count: 2);
        var (answerer, decliner) = (carded[0], carded[1]);
        var waiting = (await store.GetAsync("default", requestId, CancellationToken.None))!.Experts.First(e => e.State == AssignmentState.Waiting);

        await e2e.InvokeAsync(answerer.PersonalConversationId!, answerer.CardActivityId!, "query.answer",
            new JsonObject { ["requestId"] = requestId, ["answer"] = "Phone a random sample of recipients two weeks after each payment." }, fromId: answerer.ExpertId);
        var declined = await e2e.InvokeAsync(decliner.PersonalConversationId!, decliner.CardActivityId!, "query.decline",
            new JsonObject { ["requestId"] = requestId, ["reason"] = "Travelling this week" }, fromId: decliner.ExpertId);

        Assert.Equal(PlaygroundMessage.AdaptiveCardType, (string?)declined["type"]);
        await WaitUntilStateAsync(store, requestId, waiting.ExpertId, AssignmentState.Asked);
        await e2e.WaitForUpdateAsync(ack.MessageId, card => card.ToJsonString().Contains("1 answer so far", StringComparison.Ordinal));
        var afterDecline = (await store.GetAsync("default", requestId, CancellationToken.None))!;
        Assert.Equal(AssignmentState.Answered, afterDecline.Find(answerer.ExpertId, null)!.State);
        Assert.Equal(AssignmentState.Declined, afterDecline.Find(decliner.ExpertId, null)!.State);

        // A restart between steps changes nothing: the asker (the playground's own user) marks it answered.
        await e2e.RestartBotAsync();
        var closed = await e2e.InvokeAsync(thread, ack.MessageId, "query.close", new JsonObject { ["requestId"] = requestId });

        // The pressed card is replaced by the invoke's answer: the closed acknowledgement.
        Assert.Equal(PlaygroundMessage.AdaptiveCardType, (string?)closed["type"]);
        Assert.Contains("Closed: marked answered", closed["value"]!.ToJsonString(), StringComparison.Ordinal);
        CardAssert.Valid(closed["value"]!.AsObject(), "acknowledgement after closing");
        Assert.Equal(QueryStatus.Closed, (await e2e.Bot.Services.GetRequiredService<IQueryStore>().GetAsync("default", requestId, CancellationToken.None))!.Status);
    }

    /// <summary>The first <paramref name="count"/> experts asked by a 1:1 card (playground users), once their cards are out.</summary>
    private static async Task<IReadOnlyList<ExpertAssignment>> WaitUntilAskedByCardAsync(IQueryStore store, string requestId, int count)
    {
        var deadline = DateTime.UtcNow + EndToEndHarness.ReplyTimeout;
        var carded = new List<ExpertAssignment>();
        while (DateTime.UtcNow < deadline)
        {
            var query = await store.GetAsync("default", requestId, CancellationToken.None);
            carded = [.. (query?.Experts ?? []).Where(e => e is { State: AssignmentState.Asked, NotifiedBy: NotificationChannel.PersonalCard, CardActivityId: not null })];
            if (carded.Count >= count)
            {
                return carded;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"Only {carded.Count} experts were asked by card for {requestId}.");
    }

    private static async Task<ExpertAssignment> WaitUntilStateAsync(IQueryStore store, string requestId, string expertId, AssignmentState state)
    {
        var deadline = DateTime.UtcNow + EndToEndHarness.ReplyTimeout;
        while (DateTime.UtcNow < deadline)
        {
            if ((await store.GetAsync("default", requestId, CancellationToken.None))?.Find(expertId, null) is { } expert && expert.State == state)
            {
                return expert;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"Expert {expertId} did not reach {state} for {requestId} in time.");
    }
}
