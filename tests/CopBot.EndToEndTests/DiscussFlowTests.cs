using System.Text.Json.Nodes;
using CopBot.Cards;
using CopBot.Community;
using CopBot.EndToEndTests.Support;
using CopBot.Testing;

namespace CopBot.EndToEndTests;

/// <summary>
/// The discussion modality through the real Agents Playground, on a fake clock: a member opens a discussion in the
/// team channel, the topic card appears in its thread, an invitee answers "Not now" from their 1:1 card, the topic
/// card is redrawn in place naming the member invited in their place, the bot restarts, a reply in the thread counts as a contribution, and at the closing
/// date the thread is handed over with a "ready for synthesis" card.
/// </summary>
/// <remarks>
/// The invitee's press goes through <see cref="RequestSteps"/>; the contribution in the thread is the requester's own,
/// since the playground speaks only as its current user.
/// </remarks>
[Collection(AzuriteFixture.Collection)]
public sealed class DiscussFlowTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Discuss_InviteeSaysNotNow_RestartReplyInThread_ClosingDateHandsOver()
    {
        await using var e2e = await RequestSteps.StartOnFakeClockAsync(azurite);

        var (thread, topic) = await e2e.OpenInChannelAsync("discuss How do village fire brigades run prescribed burns safely? #fire-management", "Discussion", "topic card");
        var requestId = RequestSteps.RequestId(topic, DiscussCardKeys.RequestId);
        var kalani = await e2e.Store<IDiscussionStore>().WaitForPersonalCardAsync(requestId, d => d.Find(DemoCommunity.KalaniId, null), "Kalani invited 1:1");

        var notNow = await e2e.PressAsAsync(kalani, DiscussVerbs.NotNow, new JsonObject { [DiscussCardKeys.RequestId] = requestId });

        Assert.Contains("No problem", RequestSteps.ValueText(notNow), StringComparison.Ordinal);
        // The topic card is redrawn in place: Kalani said not now and the next-ranked member was invited in her place.
        await e2e.WaitForValidUpdateAsync(topic.MessageId, card => CardAssert.Facts(card).Contains(("Kalani Makoa Reyes", "not now"))
            && CardAssert.Texts(card).Any(t => t.EndsWith("was invited in place of Kalani Makoa Reyes.", StringComparison.Ordinal)), "topic card after not now");

        await e2e.RestartBotAsync();

        await e2e.SendAsync(thread, "In our province the brigades burn in the early dry season, with a permit and a wet line.", mentionBot: true);
        await e2e.WaitForValidUpdateAsync(topic.MessageId, card => CardAssert.Facts(card).Contains(("Contributors", "1 (1 contribution)")), "topic card after a contribution");

        var ready = await e2e.AdvanceClockUntilAsync(TimeSpan.FromDays(7), m => m.ConversationId == thread && CardAssert.Title(m) == "Ready for synthesis");
        CardAssert.Valid(ready.Cards[0], "ready for synthesis");
        Assert.Contains(CardAssert.Texts(ready.Cards[0]), t => t.Contains("Zeynep Karaca", StringComparison.Ordinal));
        await e2e.WaitForUpdateAsync(topic.MessageId, card => CardAssert.Facts(card).Contains(("Status", "Closed: handed to the facilitators")));
        var closed = await e2e.Store<IDiscussionStore>().ReadAsync(requestId);
        Assert.Equal(DiscussionStatus.Closed, closed!.Status);
        Assert.Equal("closing date", closed.ClosedBy);
    }
}
