using System.Text.Json.Nodes;
using CopBot.Cards;
using CopBot.Community;
using CopBot.EndToEndTests.Support;
using CopBot.Testing;

namespace CopBot.EndToEndTests;

/// <summary>
/// The working-group modality through the real Agents Playground, on a fake clock: a member sends the form in the
/// team channel, the working-group card appears in the thread, a candidate takes a role from their 1:1 card, the
/// card is redrawn in place, the bot restarts, the requester adds a task (Action.Execute answers with the redrawn
/// card), a week later the progress card is posted, and completion records the deliverable crediting the member.
/// </summary>
/// <remarks>The candidate's press goes through <see cref="RequestSteps"/>.</remarks>
[Collection(AzuriteFixture.Collection)]
public sealed class CollaborateFlowTests(AzuriteFixture azurite)
{
    private const string Goal = "Write our prescribed burning guide for village fire brigades";

    [Fact]
    public async Task Collaborate_CandidateTakesRole_RestartTaskProgressAndCompletion()
    {
        await using var e2e = await RequestSteps.StartOnFakeClockAsync(azurite);

        var (thread, form) = await e2e.OpenInChannelAsync("collaborate " + Goal, "Form a working group", "working-group form");
        var submitted = await e2e.InvokeAsync(thread, form.MessageId, CollaborateVerbs.Submit, new JsonObject
        {
            [CollaborateCardKeys.Goal] = Goal + " #fire-management",
            [CollaborateCardKeys.Deliverable] = "A ten-page guide with a burn-day checklist",
            [CollaborateCardKeys.Deadline] = "2026-04-30",
            [CollaborateCardKeys.RoleCount("expert")] = "2",
        });
        Assert.Contains("Working group formed", RequestSteps.ValueText(submitted), StringComparison.Ordinal);

        var group = await e2e.WaitForValidCardAsync(thread, "Working group", "working-group card");
        var requestId = RequestSteps.RequestId(group, CollaborateCardKeys.RequestId);
        var kalani = await e2e.Store<IWorkingGroupStore>().WaitForPersonalCardAsync(requestId, g => g.Find(DemoCommunity.KalaniId, null), "Kalani invited 1:1 to a role");

        var joined = await e2e.PressAsAsync(kalani, CollaborateVerbs.Join, new JsonObject { [CollaborateCardKeys.RequestId] = requestId });

        Assert.Contains("You joined as expert", RequestSteps.ValueText(joined), StringComparison.Ordinal);
        await e2e.WaitForValidUpdateAsync(group.MessageId, card => CardAssert.Facts(card).Contains(("expert (1/2)", "Kalani Makoa Reyes · open")), "working-group card after a member joined");

        await e2e.RestartBotAsync();

        var withTask = await e2e.InvokeAsync(thread, group.MessageId, CollaborateVerbs.AddTask,
            new JsonObject { [CollaborateCardKeys.RequestId] = requestId, [CollaborateCardKeys.TaskTitle] = "Draft the burn-day checklist" });
        Assert.Equal(PlaygroundMessage.AdaptiveCardType, (string?)withTask["type"]);
        Assert.Contains(CardAssert.Facts(withTask["value"]), f => f == ("☐ open", "Draft the burn-day checklist"));
        CardAssert.Valid(withTask["value"]!.AsObject(), "working-group card with a task");

        var progress = await e2e.AdvanceClockUntilAsync(TimeSpan.FromDays(7), m => m.ConversationId == thread
            && CardAssert.Title(m) is { } title && title.StartsWith("Weekly progress", StringComparison.Ordinal));
        CardAssert.Valid(progress.Cards[0], "weekly progress");
        Assert.Contains(CardAssert.Texts(progress.Cards[0]), t => t.StartsWith("0 of 1 tasks done; 1 of 2 places filled", StringComparison.Ordinal));

        var completed = await e2e.InvokeAsync(thread, group.MessageId, CollaborateVerbs.Complete,
            new JsonObject { [CollaborateCardKeys.RequestId] = requestId, [CollaborateCardKeys.DeliverableLink] = "https://example.org/burn-guide.pdf" });
        Assert.Contains(CardAssert.Facts(completed["value"]), f => f == ("Status", "Completed"));
        var credited = await e2e.WaitForBotMessageAsync(m => m.ConversationId == thread
            && CardAssert.Title(m) is { } title && title.StartsWith("Completed: ", StringComparison.Ordinal));
        CardAssert.Valid(credited.Cards[0], "completion");
        Assert.Contains(CardAssert.Texts(credited.Cards[0]), t => t.Contains("https://example.org/burn-guide.pdf", StringComparison.Ordinal)
            && t.Contains("Thanks to Kalani Makoa Reyes (expert)", StringComparison.Ordinal));
        var stored = await e2e.Store<IWorkingGroupStore>().ReadAsync(requestId);
        Assert.Equal(WorkingGroupStatus.Completed, stored!.Status);
    }
}
