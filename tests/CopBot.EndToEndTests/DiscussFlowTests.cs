using System.Text.Json.Nodes;
using CopBot.Cards;
using CopBot.Community;
using CopBot.EndToEndTests.Support;
using CopBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CopBot.EndToEndTests;

/// <summary>
/// The discussion modality through the real Agents Playground, on a fake clock: a member opens a discussion in the
/// team channel, the topic card appears in its thread, an invitee answers "Not now" from their 1:1 card, the topic
/// card is redrawn in place naming the member invited in their place, the bot restarts, a reply in the thread counts as a contribution, and at the closing
/// date the thread is handed over with a "ready for synthesis" card.
/// </summary>
/// <remarks>
/// The playground speaks only as its current user (the requester), so the invitee's button press goes through its
/// invoke API with the invitee's id, as in <see cref="QueryFlowTests"/>, and the contribution in the thread is the
/// requester's own (the invitee's 1:1 chat is not shown to the current user: its card is found in the bot's storage).
/// </remarks>
[Collection(AzuriteFixture.Collection)]
public sealed class DiscussFlowTests(AzuriteFixture azurite)
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Discuss_InviteeSaysNotNow_RestartReplyInThread_ClosingDateHandsOver()
    {
        await using var e2e = await EndToEndHarness.StartInTeamChannelAsync(azurite, _clock);

        var thread = await e2e.CommandInChannelAsync("discuss How do village fire brigades run prescribed burns safely? #fire-management");
        var topic = await e2e.WaitForCardAsync(thread, "Discussion");
        CardAssert.Valid(topic.Cards[0], "topic card");
        var requestId = (string)CardAssert.ExecuteActions(topic.Cards[0])[0]["data"]![DiscussCardKeys.RequestId]!;
        var store = e2e.Bot.Services.GetRequiredService<IDiscussionStore>();
        var kalani = await Poll.UntilAsync(
            async () => (await store.GetAsync("default", requestId, CancellationToken.None))?.Find(DemoCommunity.KalaniId, null),
            i => i is { NotifiedBy: NotificationChannel.PersonalCard, CardActivityId: not null },
            "Kalani invited 1:1");

        var notNow = await e2e.InvokeAsync(kalani.PersonalConversationId!, kalani.CardActivityId!, DiscussVerbs.NotNow,
            new JsonObject { [DiscussCardKeys.RequestId] = requestId }, fromId: DemoCommunity.KalaniId);

        Assert.Contains("No problem", notNow["value"]!.ToJsonString(), StringComparison.Ordinal);
        // The topic card is redrawn in place: Kalani said not now and the next-ranked member was invited in her place.
        var redrawn = await e2e.WaitForUpdateAsync(topic.MessageId, card => CardAssert.Facts(card).Contains(("Kalani Makoa Reyes", "not now"))
            && CardAssert.Texts(card).Any(t => t.EndsWith("was invited in place of Kalani Makoa Reyes.", StringComparison.Ordinal)));
        CardAssert.Valid(redrawn.Cards[0], "topic card after not now");

        await e2e.RestartBotAsync();

        await e2e.SendAsync(thread, "In our province the brigades burn in the early dry season, with a permit and a wet line.", mentionBot: true);
        var counted = await e2e.WaitForUpdateAsync(topic.MessageId, card => CardAssert.Facts(card).Contains(("Contributors", "1 (1 contribution)")));
        CardAssert.Valid(counted.Cards[0], "topic card after a contribution");

        var ready = await e2e.AdvanceClockUntilAsync(TimeSpan.FromDays(7), m => m.ConversationId == thread && m.Cards.Count > 0
            && CardAssert.Texts(m.Cards[0])[0] == "Ready for synthesis");
        CardAssert.Valid(ready.Cards[0], "ready for synthesis");
        Assert.Contains(CardAssert.Texts(ready.Cards[0]), t => t.Contains("Zeynep Karaca", StringComparison.Ordinal));
        await e2e.WaitForUpdateAsync(topic.MessageId, card => CardAssert.Facts(card).Contains(("Status", "Closed: handed to the facilitators")));
        var closed = await e2e.Bot.Services.GetRequiredService<IDiscussionStore>().GetAsync("default", requestId, CancellationToken.None);
        Assert.Equal(DiscussionStatus.Closed, closed!.Status);
        Assert.Equal("closing date", closed.ClosedBy);
    }
}
