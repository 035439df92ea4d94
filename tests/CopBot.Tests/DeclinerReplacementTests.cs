using System.Text.Json.Nodes;
using CopBot.Community;
using CopBot.Testing;
using CopBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static CopBot.Tests.Support.CommunityScenario;

namespace CopBot.Tests;

/// <summary>
/// The shared decliner replacement (Features/Requests/DeclinerReplacement) in each modality, as conversations through
/// the real pipeline: a reviewer's Decline, a role candidate's or a discussion invitee's "Not now" brings in the
/// next-ranked member not yet invited, once per decline (a repeated press or a redelivery invites nobody more), never
/// the requester, never anyone twice; the thread card names who came in place of whom.
/// </summary>
[Collection(AzuriteFixture.Collection)]
public sealed class DeclinerReplacementTests(AzuriteFixture azurite)
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero));

    private static JsonObject ByRequester(BotHarness bot, string verb, JsonObject data) => PressInFormThread(bot, FormRequesterId, verb, data);

    private static JsonObject Data(string requestId) => new() { ["requestId"] = requestId };

    /// <summary>Invitations sent so far: 1:1 cards created plus @mentions in the thread.</summary>
    private static int Invitations(BotHarness bot, string mentionStart) =>
        bot.Sent.Count(r => r.Path.EndsWith("/v3/conversations", StringComparison.Ordinal))
        + bot.Sent.Count(r => CommunityScenario.Text(r).Contains(mentionStart, StringComparison.Ordinal));

    private static void NobodyTwiceNorTheRequester(IEnumerable<IInvitee> invitees, string requesterId)
    {
        var ids = invitees.Select(i => i.MemberId).ToList();
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.DoesNotContain(requesterId, ids);
    }

    [Fact]
    public async Task Consult_ReviewersDecline_EachReplacedOnceByTheNextRankedAndTheStatusCardSaysSo()
    {
        await using var bot = await StartAsync(azurite, _clock);
        await PrepareAsync(bot);
        var store = bot.Services.GetRequiredService<IConsultationStore>();
        var sent = await InvokeAsync(bot, ByRequester(bot, "consult.submit", new JsonObject
        {
            ["title"] = "Grant application: cash transfers for informal workers",
            ["document"] = "https://example.org/grant-application.docx",
            ["question1"] = "Is targeting informal workers through the #social-registry sound for #cash-transfers?",
            ["deadline"] = "2026-03-09",
            ["reviewers"] = "Tomás Ferreira Quispe",
        }));
        Assert.Contains("Sent for review", sent["value"]!.ToJsonString(), StringComparison.Ordinal);
        var consultation = (await store.GetAsync("default", Assert.Single(await store.ListOpenAsync("default", CancellationToken.None)), CancellationToken.None))!;
        Assert.Equal(3, consultation.Reviewers.Count);
        var tomasChat = PersonalConversationOf(bot, TomasTeamsId);
        var invitationsBefore = Invitations(bot, "would you review this document?");

        var decline = CardAction(bot, TomasTeamsId, TomasAad, tomasChat, "consult.decline", Data(consultation.Id));
        var declined = await InvokeAsync(bot, decline);
        await PostOkAsync(bot, decline); // Teams redelivers the same activity: answered, nothing done
        await InvokeAsync(bot, CardAction(bot, TomasTeamsId, TomasAad, tomasChat, "consult.decline", Data(consultation.Id))); // a second press

        Assert.Contains("Thanks for letting us know", declined["value"]!.ToJsonString(), StringComparison.Ordinal);
        var afterOne = (await store.GetAsync("default", consultation.Id, CancellationToken.None))!;
        Assert.Equal(4, afterOne.Reviewers.Count);
        var newcomer = afterOne.Reviewers[3];
        Assert.Equal("Tomás Ferreira Quispe", newcomer.InPlaceOf);
        Assert.NotEqual(NotificationChannel.None, newcomer.NotifiedBy);
        Assert.Equal(invitationsBefore + 1, Invitations(bot, "would you review this document?"));
        Assert.Contains(bot.Sent, r => r.Method == "PUT" && r.Path.Contains(FormThread, StringComparison.Ordinal)
            && r.Body.Contains($"{newcomer.Name} was invited in place of Tom", StringComparison.Ordinal)
            && r.Body.Contains("0 received / 4 invited (1 declined)", StringComparison.Ordinal));

        // The newcomer declines too: someone else again, never Tomás, the requester or anyone already asked.
        await InvokeAsync(bot, CardAction(bot, newcomer.MemberId, newcomer.AadObjectId, "a:newcomer", "consult.decline", Data(consultation.Id)));
        var afterTwo = (await store.GetAsync("default", consultation.Id, CancellationToken.None))!;
        Assert.Equal(5, afterTwo.Reviewers.Count);
        Assert.Equal(newcomer.Name, afterTwo.Reviewers[4].InPlaceOf);
        NobodyTwiceNorTheRequester(afterTwo.Reviewers, FormRequesterId);
        SentCardAssert.Valid(bot.SentCards, atLeast: 3);
    }

    [Fact]
    public async Task Discuss_InviteeSaysNotNow_NextRankedInvitedOnceAndTheTopicCardSaysSo()
    {
        await using var bot = await StartAsync(azurite, _clock);
        await PrepareAsync(bot);
        var store = bot.Services.GetRequiredService<IDiscussionStore>();
        var open = ChannelCommand(bot, "discuss Cash transfers for informal workers: how did you use the social registry? #cash-transfers #social-registry");
        var thread = (string)open["conversation"]!["id"]!;
        var requesterId = (string)open["from"]!["id"]!;
        await PostOkAsync(bot, open);
        var discussion = (await store.GetAsync("default", Assert.Single(await store.ListOpenAsync("default", CancellationToken.None)), CancellationToken.None))!;
        var invitationsBefore = Invitations(bot, "you are invited to this discussion");
        var tomasChat = PersonalConversationOf(bot, TomasTeamsId);

        await InvokeAsync(bot, CardAction(bot, TomasTeamsId, TomasAad, tomasChat, "discuss.notnow", Data(discussion.Id)));
        await InvokeAsync(bot, CardAction(bot, TomasTeamsId, TomasAad, tomasChat, "discuss.notnow", Data(discussion.Id)));

        var after = (await store.GetAsync("default", discussion.Id, CancellationToken.None))!;
        Assert.Equal(discussion.Invitees.Count + 1, after.Invitees.Count);
        var newcomer = after.Invitees[^1];
        Assert.Equal(("Tomás Ferreira Quispe", InviteState.Invited), (newcomer.InPlaceOf, newcomer.State));
        Assert.Equal(InviteState.NotNow, after.Find(TomasTeamsId, TomasAad)!.State);
        Assert.Equal(invitationsBefore + 1, Invitations(bot, "you are invited to this discussion"));
        NobodyTwiceNorTheRequester(after.Invitees, requesterId);
        Assert.Contains(bot.Sent, r => r.Method == "PUT" && r.Path.Contains(thread, StringComparison.Ordinal)
            && r.Body.Contains($"{newcomer.Name} was invited in place of Tom", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Collaborate_CandidateSaysNotNow_NextRankedOfferedTheSameRoleOnce()
    {
        await using var bot = await StartAsync(azurite, _clock);
        await PrepareAsync(bot);
        var store = bot.Services.GetRequiredService<IWorkingGroupStore>();
        var formed = await InvokeAsync(bot, ByRequester(bot, "collab.submit", new JsonObject
        {
            ["goal"] = "Write down how we run shock-responsive #cash-transfers once and for all",
            ["deliverable"] = "A 10-page guidance note",
            ["deadline"] = "2026-04-30",
            ["role-coordinator"] = "1",
            ["role-expert"] = "2",
        }));
        Assert.Contains("Working group formed", formed["value"]!.ToJsonString(), StringComparison.Ordinal);
        var group = (await store.GetAsync("default", Assert.Single(await store.ListOpenAsync("default", CancellationToken.None)), CancellationToken.None))!;
        var amara = group.Find(AmaraId, null)!;
        var invitationsBefore = Invitations(bot, "would you join this working group");

        await InvokeAsync(bot, CardAction(bot, AmaraId, AmaraAad, amara.PersonalConversationId!, "collab.notnow", Data(group.Id)));
        await InvokeAsync(bot, CardAction(bot, AmaraId, AmaraAad, amara.PersonalConversationId!, "collab.notnow", Data(group.Id)));

        var after = (await store.GetAsync("default", group.Id, CancellationToken.None))!;
        Assert.Equal(group.Members.Count + 1, after.Members.Count);
        var newcomer = after.Members[^1];
        Assert.Equal(("Amara Nwosu-Lindqvist", "expert", GroupMemberState.Invited), (newcomer.InPlaceOf, newcomer.Role, newcomer.State));
        Assert.Equal(invitationsBefore + 1, Invitations(bot, "would you join this working group"));
        NobodyTwiceNorTheRequester(after.Members, FormRequesterId);
        Assert.Contains(bot.Sent, r => r.Method == "PUT" && r.Path.Contains(FormThread, StringComparison.Ordinal)
            && r.Body.Contains($"{newcomer.Name} was invited in place of Amara Nwosu-Lindqvist.", StringComparison.Ordinal));
    }
}
