using System.Text.Json.Nodes;
using CopBot.Community;
using CopBot.EndToEndTests.Support;
using CopBot.Testing;

namespace CopBot.EndToEndTests;

/// <summary>
/// The query modality through the real Agents Playground: a member asks in the team channel, an expert who is in
/// the team gets a 1:1 card, answers from it, and the answer appears in the asker's thread while the thread's
/// acknowledgement card is updated in place.
/// </summary>
[Collection(AzuriteFixture.Collection)]
public sealed class QueryFlowTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Query_InTeamChannel_ExpertAnswersFromPersonalCardAndAnswerLandsInThread()
    {
        await using var e2e = await EndToEndHarness.StartInTeamChannelAsync(azurite);

        var (thread, ack) = await e2e.OpenInChannelAsync("query How do we run prescribed burning safely with village fire brigades? #fire-management", "Query", "query acknowledgement");
        var requestId = RequestSteps.RequestId(ack, "requestId");
        var kalani = await Poll.UntilAsync(
            async () => (await e2e.Store<IQueryStore>().ReadAsync(requestId))?.Find(DemoCommunity.KalaniId, null),
            e => e is { State: AssignmentState.Asked, CardActivityId: not null },
            "Kalani asked");
        Assert.Equal(NotificationChannel.PersonalCard, kalani.NotifiedBy);

        var invoked = await e2e.InvokeAsync(kalani.PersonalConversationId!, kalani.CardActivityId!, "query.answer",
            new JsonObject { ["requestId"] = requestId, ["answer"] = "Burn in the early dry season with a permit, brief the brigade, keep a wet line." },
            fromId: DemoCommunity.KalaniId);

        Assert.Equal(PlaygroundMessage.AdaptiveCardType, (string?)invoked["type"]);
        Assert.Contains("Thank you", RequestSteps.ValueText(invoked), StringComparison.Ordinal);
        var answer = await e2e.WaitForBotMessageAsync(m => m.ConversationId == thread
            && CardAssert.Title(m) is { } title && title.StartsWith("Answer from Kalani", StringComparison.Ordinal));
        CardAssert.Valid(answer.Cards[0], "answer in thread");
        await e2e.WaitForValidUpdateAsync(ack.MessageId, card => card.ToJsonString().Contains("1 answer so far", StringComparison.Ordinal), "acknowledgement after the answer");
    }

    [Fact]
    public async Task Query_OneAnswersOneDeclinesRestartAskerCloses_NextExpertAskedAndCardsUpdated()
    {
        await using var e2e = await EndToEndHarness.StartInTeamChannelAsync(azurite);
        var store = e2e.Store<IQueryStore>();
        var thread = await e2e.CommandInChannelAsync("query How do we run post-distribution monitoring of cash transfers paid by mobile money? #cash-transfers #post-distribution-monitoring");
        var ack = await e2e.WaitForCardAsync(thread, "Query");
        var requestId = RequestSteps.RequestId(ack, "requestId");
        // The first two experts asked by a 1:1 card (playground users), once their cards are out.
        var carded = await Poll.UntilAsync(
            async () => (await store.ReadAsync(requestId))?.Experts.Where(e => e is { State: AssignmentState.Asked, NotifiedBy: NotificationChannel.PersonalCard, CardActivityId: not null }).ToList(),
            c => c is { Count: >= 2 },
            "two experts asked by card");
        var (answerer, decliner) = (carded[0], carded[1]);
        var waiting = (await store.ReadAsync(requestId))!.Experts.First(e => e.State == AssignmentState.Waiting);

        await e2e.InvokeAsync(answerer.PersonalConversationId!, answerer.CardActivityId!, "query.answer",
            new JsonObject { ["requestId"] = requestId, ["answer"] = "Phone a random sample of recipients two weeks after each payment." }, fromId: answerer.ExpertId);
        var declined = await e2e.InvokeAsync(decliner.PersonalConversationId!, decliner.CardActivityId!, "query.decline",
            new JsonObject { ["requestId"] = requestId, ["reason"] = "Travelling this week" }, fromId: decliner.ExpertId);

        Assert.Equal(PlaygroundMessage.AdaptiveCardType, (string?)declined["type"]);
        await Poll.UntilAsync(async () => (await store.ReadAsync(requestId))?.Find(waiting.ExpertId, null), e => e?.State == AssignmentState.Asked, "the waiting expert asked next");
        await e2e.WaitForUpdateAsync(ack.MessageId, card => card.ToJsonString().Contains("1 answer so far", StringComparison.Ordinal));
        var afterDecline = (await store.ReadAsync(requestId))!;
        Assert.Equal(AssignmentState.Answered, afterDecline.Find(answerer.ExpertId, null)!.State);
        Assert.Equal(AssignmentState.Declined, afterDecline.Find(decliner.ExpertId, null)!.State);

        // A restart between steps changes nothing: the asker (the playground's own user) marks it answered.
        await e2e.RestartBotAsync();
        var closed = await e2e.InvokeAsync(thread, ack.MessageId, "query.close", new JsonObject { ["requestId"] = requestId });

        // The pressed card is replaced by the invoke's answer: the closed acknowledgement.
        Assert.Equal(PlaygroundMessage.AdaptiveCardType, (string?)closed["type"]);
        Assert.Contains("Closed: marked answered", RequestSteps.ValueText(closed), StringComparison.Ordinal);
        CardAssert.Valid(closed["value"]!.AsObject(), "acknowledgement after closing");
        Assert.Equal(QueryStatus.Closed, (await e2e.Store<IQueryStore>().ReadAsync(requestId))!.Status);
    }
}
