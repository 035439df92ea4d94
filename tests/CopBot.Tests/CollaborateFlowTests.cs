using System.Text.Json.Nodes;
using CopBot.Community;
using CopBot.Features.Collaborate;
using CopBot.Testing;
using CopBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static CopBot.Tests.Support.CommunityScenario;

namespace CopBot.Tests;

/// <summary>
/// The working-group modality through the real pipeline on a fake clock: the form, role invitations, joining, the task
/// checklist updated in place, the weekly progress card (once, across a restart) and completion crediting the members.
/// </summary>
[Collection(AzuriteFixture.Collection)]
public sealed class CollaborateFlowTests(AzuriteFixture azurite)
{
    private const string Thread = FormThread;
    private const string RequesterId = FormRequesterId;
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero));

    private static IWorkingGroupStore Store(BotHarness bot) => bot.Services.GetRequiredService<IWorkingGroupStore>();

    private static JsonObject InThread(BotHarness bot, string fromId, string verb, JsonObject data) => PressInFormThread(bot, fromId, verb, data);

    private static JsonObject Form(string deadline = "2026-04-30", string experts = "2") => new()
    {
        ["goal"] = "Write down how we run shock-responsive #cash-transfers once and for all",
        ["deliverable"] = "A 10-page guidance note",
        ["deadline"] = deadline,
        ["role-coordinator"] = "1",
        ["role-expert"] = experts,
        ["role-knowledge-manager"] = "0",
        ["role-writer"] = "0",
    };

    /// <summary>One progress check, then the outbox drained so the card it enqueued has been posted.</summary>
    private static async Task CheckProgressAsync(BotHarness bot)
    {
        await bot.Services.GetRequiredService<CollaborateProgressChecker>().RunOnceAsync(CancellationToken.None);
        await bot.DrainOutboxAsync();
    }

    [Fact]
    public async Task Collaborate_FormJoinTasksProgressComplete_WholeLifecycleSurvivesARestart()
    {
        await using var bot = await StartAsync(azurite, _clock);
        await PrepareAsync(bot);
        await PostOkAsync(bot, ChannelCommand(bot, "collaborate Write a guidance note on shock-responsive cash transfers"));
        Assert.Contains(bot.SentCards, c => c.ToJsonString().Contains("Form a working group", StringComparison.Ordinal));

        var formed = await InvokeAsync(bot, InThread(bot, RequesterId, "collab.submit", Form()));
        Assert.Contains("Working group formed", formed["value"]!.ToJsonString(), StringComparison.Ordinal);
        var group = (await Store(bot).GetAsync("default", Assert.Single(await Store(bot).ListOpenAsync("default", CancellationToken.None)), CancellationToken.None))!;

        // The coordinator place goes to the community's coordinator, the expert places to the best-ranked members.
        Assert.Equal(3, group.Members.Count);
        Assert.Equal(("Hanne Vestergaard Mutua", "coordinator"), (group.Members[0].Name, group.Members[0].Role));
        var amara = group.Find(AmaraId, null)!;
        Assert.Equal(("expert", NotificationChannel.PersonalCard), (amara.Role, amara.NotifiedBy));
        Assert.Contains(bot.SentCards, c => c.ToJsonString().Contains("invites you to a working group as expert", StringComparison.Ordinal));
        var amaraChat = amara.PersonalConversationId!;

        await bot.RestartAsync();

        var data = new JsonObject { ["requestId"] = group.Id };
        var forgedJoin = await InvokeAsync(bot, CardAction(bot, StrangerId, null, "a:stranger", "collab.join", data.DeepClone().AsObject()));
        Assert.Equal(403, (int)forgedJoin["statusCode"]!);
        var joined = await InvokeAsync(bot, CardAction(bot, AmaraId, null, amaraChat, "collab.join", data.DeepClone().AsObject()));
        Assert.Contains("You joined as expert", joined["value"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains(bot.Sent, r => r.Method == "PUT" && r.Path.Contains(Thread, StringComparison.Ordinal) && r.Body.Contains("expert (1/2)", StringComparison.Ordinal));

        // Hanne (coordinator, reachable only by @mention) joins by replying in the thread; a bystander's reply changes nothing.
        var hanne = group.Members[0];
        Assert.Equal(NotificationChannel.ThreadMention, hanne.NotifiedBy);
        await PostOkAsync(bot, ThreadReply(bot, Thread, "29:1Bystander", "Bystander", "Count me in!", mentionBot: false));
        await PostOkAsync(bot, ThreadReply(bot, Thread, hanne.MemberId, hanne.Name, "Happy to coordinate.", mentionBot: false));
        var afterReplies = (await Store(bot).GetAsync("default", group.Id, CancellationToken.None))!;
        Assert.Equal(GroupMemberState.Joined, afterReplies.Find(hanne.MemberId, null)!.State);
        Assert.Equal(2, afterReplies.Joined.Count);
        Assert.Contains(bot.Sent, r => Text(r).StartsWith("<at>Hanne Vestergaard Mutua</at> welcome to the working group as coordinator", StringComparison.Ordinal));

        // The checklist: members add, take and finish tasks; strangers cannot.
        var strangerTask = await InvokeAsync(bot, InThread(bot, StrangerId, "collab.addtask", new JsonObject { ["requestId"] = group.Id, ["taskTitle"] = "Spam" }));
        var emptyTask = await InvokeAsync(bot, InThread(bot, AmaraId, "collab.addtask", new JsonObject { ["requestId"] = group.Id, ["taskTitle"] = " " }));
        var added = await InvokeAsync(bot, InThread(bot, AmaraId, "collab.addtask", new JsonObject { ["requestId"] = group.Id, ["taskTitle"] = "Draft the outline" }));
        var taken = await InvokeAsync(bot, InThread(bot, AmaraId, "collab.take", new JsonObject { ["requestId"] = group.Id, ["taskId"] = "t1" }));
        var done = await InvokeAsync(bot, InThread(bot, AmaraId, "collab.done", new JsonObject { ["requestId"] = group.Id, ["taskId"] = "t1" }));
        Assert.Equal(403, (int)strangerTask["statusCode"]!);
        Assert.Equal(400, (int)emptyTask["statusCode"]!);
        Assert.Contains("Draft the outline", added["value"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("Amara Nwosu-Lindqvist", taken["value"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("Tasks (1/1 done)", done["value"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains(AmaraId, done["value"]!["refresh"]!["userIds"]!.ToJsonString(), StringComparison.Ordinal);

        // A week later: one progress card, not repeated by a second check or a restart.
        _clock.Advance(TimeSpan.FromDays(7));
        await CheckProgressAsync(bot);
        await CheckProgressAsync(bot);
        await bot.RestartAsync();
        await CheckProgressAsync(bot);
        Assert.Single(bot.Sent, r => r.Body.Contains("Weekly progress", StringComparison.Ordinal) && r.Body.Contains("1 of 1 tasks done", StringComparison.Ordinal));

        // Completion: only the requester (or a facilitator), with a real link; the members are credited in the thread.
        var strangerComplete = await InvokeAsync(bot, InThread(bot, StrangerId, "collab.complete", new JsonObject { ["requestId"] = group.Id, ["deliverableLink"] = "https://example.org/note" }));
        var badLink = await InvokeAsync(bot, InThread(bot, RequesterId, "collab.complete", new JsonObject { ["requestId"] = group.Id, ["deliverableLink"] = "not a link" }));
        var completed = await InvokeAsync(bot, InThread(bot, RequesterId, "collab.complete", new JsonObject { ["requestId"] = group.Id, ["deliverableLink"] = "https://example.org/guidance-note" }));
        Assert.Equal(403, (int)strangerComplete["statusCode"]!);
        Assert.Equal(400, (int)badLink["statusCode"]!);
        Assert.Contains("Completed", completed["value"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains(bot.Sent, r => r.Path.Contains(Thread, StringComparison.Ordinal) && r.Body.Contains("Completed: Write down", StringComparison.Ordinal)
            && r.Body.Contains("Amara Nwosu-Lindqvist (expert)", StringComparison.Ordinal));
        var stored = (await Store(bot).GetAsync("default", group.Id, CancellationToken.None))!;
        Assert.Equal(WorkingGroupStatus.Completed, stored.Status);
        Assert.Equal(new Uri("https://example.org/guidance-note"), stored.DeliverableLink);
        Assert.Empty(await Store(bot).ListOpenAsync("default", CancellationToken.None));

        // The deliverable is kept in the knowledge base, crediting the members; a repeated click keeps it once.
        await InvokeAsync(bot, InThread(bot, RequesterId, "collab.complete", new JsonObject { ["requestId"] = group.Id, ["deliverableLink"] = "https://example.org/guidance-note" }));
        var kept = Assert.Single(await bot.Services.GetRequiredService<IKnowledgeBase>().ListAsync("default", CancellationToken.None), e => e.Kind == KnowledgeKind.Deliverable);
        Assert.Equal(group.Id, kept.SourceId);
        Assert.Contains("https://example.org/guidance-note", kept.Text, StringComparison.Ordinal);
        Assert.Contains(kept.Contributors, c => c.Name == "Amara Nwosu-Lindqvist");
        SentCardAssert.Valid(bot.SentCards, atLeast: 4);
    }

    [Fact]
    public async Task CollaborateForm_NoRolePastDeadlineOrCancel_NothingStored()
    {
        await using var bot = await StartAsync(azurite, _clock);
        await PrepareAsync(bot);
        var noRole = Form(experts: "0");
        noRole["role-coordinator"] = "0";

        var none = await InvokeAsync(bot, InThread(bot, RequesterId, "collab.submit", noRole));
        var past = await InvokeAsync(bot, InThread(bot, RequesterId, "collab.submit", Form(deadline: "2026-01-01")));
        var forged = await InvokeAsync(bot, InThread(bot, RequesterId, "collab.submit", Form(experts: "99")));
        var cancelled = await InvokeAsync(bot, InThread(bot, RequesterId, "collab.cancelform", new JsonObject()));

        Assert.Contains("at least one person", none["value"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("Deadline: The date must be between", past["value"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("Choose 0 to 5 people as expert", forged["value"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("Cancelled", cancelled["value"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(0, await bot.CountAsync("WorkingGroups"));
    }
}
