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
}
