using System.Text.Json.Nodes;
using CopBot.Cards;
using CopBot.Community;
using CopBot.EndToEndTests.Support;
using CopBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CopBot.EndToEndTests;

/// <summary>
/// The working-group modality through the real Agents Playground, on a fake clock: a member sends the form in the
/// team channel, the working-group card appears in the thread, a candidate takes a role from their 1:1 card, the
/// card is redrawn in place, the bot restarts, the requester adds a task (Action.Execute answers with the redrawn
/// card), a week later the progress card is posted, and completion records the deliverable crediting the member.
/// </summary>
/// <remarks>
/// The candidate's press goes through the playground's invoke API with the candidate's id (the playground speaks only
/// as its current user, the requester, and does not show other users' 1:1 chats), as in <see cref="QueryFlowTests"/>.
/// </remarks>
[Collection(AzuriteFixture.Collection)]
public sealed class CollaborateFlowTests(AzuriteFixture azurite)
{
    private const string Goal = "Write our prescribed burning guide for village fire brigades";
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Collaborate_CandidateTakesRole_RestartTaskProgressAndCompletion()
    {
        await using var e2e = await EndToEndHarness.StartInTeamChannelAsync(azurite, _clock);

        var thread = await e2e.CommandInChannelAsync("collaborate " + Goal);
        var form = await e2e.WaitForCardAsync(thread, "Form a working group");
        CardAssert.Valid(form.Cards[0], "working-group form");
        var submitted = await e2e.InvokeAsync(thread, form.MessageId, CollaborateVerbs.Submit, new JsonObject
        {
            [CollaborateCardKeys.Goal] = Goal + " #fire-management",
            [CollaborateCardKeys.Deliverable] = "A ten-page guide with a burn-day checklist",
            [CollaborateCardKeys.Deadline] = "2026-04-30",
            [CollaborateCardKeys.RoleCount("expert")] = "2",
        });
        Assert.Contains("Working group formed", submitted["value"]!.ToJsonString(), StringComparison.Ordinal);

        var group = await e2e.WaitForCardAsync(thread, "Working group");
        CardAssert.Valid(group.Cards[0], "working-group card");
        var requestId = (string)CardAssert.ExecuteActions(group.Cards[0]).First(a => a["data"]?[CollaborateCardKeys.RequestId] is not null)["data"]![CollaborateCardKeys.RequestId]!;
        var kalani = await Poll.UntilAsync(
            async () => (await e2e.Bot.Services.GetRequiredService<IWorkingGroupStore>().GetAsync("default", requestId, CancellationToken.None))?.Find(DemoCommunity.KalaniId, null),
            m => m is { NotifiedBy: NotificationChannel.PersonalCard, CardActivityId: not null },
            "Kalani invited 1:1 to a role");

        var joined = await e2e.InvokeAsync(kalani.PersonalConversationId!, kalani.CardActivityId!, CollaborateVerbs.Join,
            new JsonObject { [CollaborateCardKeys.RequestId] = requestId }, fromId: DemoCommunity.KalaniId);

        Assert.Contains("You joined as expert", joined["value"]!.ToJsonString(), StringComparison.Ordinal);
        var redrawn = await e2e.WaitForUpdateAsync(group.MessageId, card => CardAssert.Facts(card).Contains(("expert (1/2)", "Kalani Makoa Reyes · open")));
        CardAssert.Valid(redrawn.Cards[0], "working-group card after a member joined");

        await e2e.RestartBotAsync();

        var withTask = await e2e.InvokeAsync(thread, group.MessageId, CollaborateVerbs.AddTask,
            new JsonObject { [CollaborateCardKeys.RequestId] = requestId, [CollaborateCardKeys.TaskTitle] = "Draft the burn-day checklist" });
        Assert.Equal(PlaygroundMessage.AdaptiveCardType, (string?)withTask["type"]);
        Assert.Contains(CardAssert.Facts(withTask["value"]), f => f == ("☐ open", "Draft the burn-day checklist"));
        CardAssert.Valid(withTask["value"]!.AsObject(), "working-group card with a task");

        var progress = await e2e.AdvanceClockUntilAsync(TimeSpan.FromDays(7), m => m.ConversationId == thread && m.Cards.Count > 0
            && CardAssert.Texts(m.Cards[0])[0].StartsWith("Weekly progress", StringComparison.Ordinal));
        CardAssert.Valid(progress.Cards[0], "weekly progress");
        Assert.Contains(CardAssert.Texts(progress.Cards[0]), t => t.StartsWith("0 of 1 tasks done; 1 of 2 places filled", StringComparison.Ordinal));

        var completed = await e2e.InvokeAsync(thread, group.MessageId, CollaborateVerbs.Complete,
            new JsonObject { [CollaborateCardKeys.RequestId] = requestId, [CollaborateCardKeys.DeliverableLink] = "https://example.org/burn-guide.pdf" });
        Assert.Contains(CardAssert.Facts(completed["value"]), f => f == ("Status", "Completed"));
        var credited = await e2e.WaitForBotMessageAsync(m => m.ConversationId == thread && m.Cards.Count > 0
            && CardAssert.Texts(m.Cards[0])[0].StartsWith("Completed: ", StringComparison.Ordinal));
        CardAssert.Valid(credited.Cards[0], "completion");
        Assert.Contains(CardAssert.Texts(credited.Cards[0]), t => t.Contains("https://example.org/burn-guide.pdf", StringComparison.Ordinal)
            && t.Contains("Thanks to Kalani Makoa Reyes (expert)", StringComparison.Ordinal));
        var stored = await e2e.Bot.Services.GetRequiredService<IWorkingGroupStore>().GetAsync("default", requestId, CancellationToken.None);
        Assert.Equal(WorkingGroupStatus.Completed, stored!.Status);
    }
}
