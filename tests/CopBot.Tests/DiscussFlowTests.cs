using System.Text.Json.Nodes;
using CopBot.Community;
using CopBot.Features.Discuss;
using CopBot.Testing;
using CopBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static CopBot.Tests.Support.CommunityScenario;

namespace CopBot.Tests;

/// <summary>
/// The discussion modality as a conversation through the real pipeline on a fake clock: opened in a channel, members
/// invited 1:1 (or @mentioned), replies counted with and without an @mention, a quiet-thread nudge, the closing date
/// handing the thread to the facilitators. The bot is restarted in the middle: everything is in Table Storage.
/// </summary>
[Collection(AzuriteFixture.Collection)]
public sealed class DiscussFlowTests(AzuriteFixture azurite)
{
    private const string Topic = "Cash transfers for informal workers: how did you use the social registry? #cash-transfers #social-registry";
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero));

    private static IDiscussionStore Store(BotHarness bot) => bot.Services.GetRequiredService<IDiscussionStore>();

    private static async Task<Discussion> OnlyOpenAsync(BotHarness bot)
    {
        var id = Assert.Single(await Store(bot).ListOpenAsync("default", CancellationToken.None));
        return (await Store(bot).GetAsync("default", id, CancellationToken.None))!;
    }

    /// <summary>One pass of the deadline checker, then what it enqueued sent by the outbox.</summary>
    private static async Task CheckDeadlinesAsync(BotHarness bot)
    {
        await bot.Services.GetRequiredService<DiscussDeadlineChecker>().RunOnceAsync(CancellationToken.None);
        await bot.DrainOutboxAsync();
    }

    private static int Nudges(BotHarness bot) => bot.Sent.Count(r => Text(r).Contains("eminder: ", StringComparison.Ordinal) && Text(r).Contains("discussion", StringComparison.Ordinal));

    [Fact]
    public async Task Discuss_OpenContributeNudgeClose_WholeLifecycleSurvivesARestart()
    {
        await using var bot = await StartAsync(azurite, _clock);
        await PrepareAsync(bot);
        var open = ChannelCommand(bot, "discuss " + Topic);
        var thread = (string)open["conversation"]!["id"]!;
        var requesterId = (string)open["from"]!["id"]!;

        await PostOkAsync(bot, open);

        // Topic card in the thread, invitations 1:1 to Amara and Tomás (in the roster), @mentions for the others.
        var discussion = await OnlyOpenAsync(bot);
        Assert.Equal(5, discussion.Invitees.Count);
        Assert.Equal(_clock.GetUtcNow().AddDays(7), discussion.ClosesAt);
        Assert.Contains(bot.Sent, r => r.Method == "POST" && r.Path.EndsWith($"{thread}/activities/{open["id"]}", StringComparison.Ordinal) && r.Body.Contains("Discussion", StringComparison.Ordinal));
        Assert.Equal(NotificationChannel.PersonalCard, discussion.Find(AmaraId, null)!.NotifiedBy);
        Assert.Equal(NotificationChannel.PersonalCard, discussion.Find(TomasTeamsId, TomasAad)!.NotifiedBy);
        Assert.Equal(2, bot.SentCards.Count(c => c.ToJsonString().Contains("invites you to a discussion", StringComparison.Ordinal)));
        var join = bot.SentCards.SelectMany(c => c["actions"]?.AsArray() ?? []).First(a => (string?)a!["title"] == "Join the discussion")!;
        Assert.StartsWith("https://teams.microsoft.com/l/message/", (string)join["url"]!, StringComparison.Ordinal);
        var mentioned = discussion.Invitees.Where(i => i.NotifiedBy == NotificationChannel.ThreadMention).ToList();
        Assert.Equal(3, mentioned.Count);
        Assert.All(mentioned, i => Assert.Contains(bot.Sent, r => Text(r).StartsWith($"<at>{i.Name}</at> you are invited", StringComparison.Ordinal)));
        var tomasChat = PersonalConversationOf(bot, TomasTeamsId);

        await bot.RestartAsync();

        // Amara replies without mentioning the bot (RSC delivery), a member who was not invited replies with a mention.
        await PostOkAsync(bot, ThreadReply(bot, thread, AmaraId, "Amara Nwosu-Lindqvist", "In Kenya we pre-registered informal workers through the social registry.", mentionBot: false));
        var mentionedReply = ThreadReply(bot, thread, "29:1LocalMember", "Juma Said", "We used mobile money agents to reach market vendors.", mentionBot: true);
        await PostOkAsync(bot, mentionedReply);
        await PostOkAsync(bot, mentionedReply);
        Assert.Contains(bot.Sent, r => r.Method == "PUT" && r.Path.Contains(thread, StringComparison.Ordinal) && r.Body.Contains("2 (2 contributions)", StringComparison.Ordinal));

        // A command to the bot in the thread is still a command.
        var sentBeforeHelp = bot.Sent.Count;
        await PostOkAsync(bot, ThreadReply(bot, thread, AmaraId, "Amara Nwosu-Lindqvist", "help", mentionBot: true));
        Assert.Contains(bot.Sent.Skip(sentBeforeHelp), r => r.Body.Contains("What I can do", StringComparison.Ordinal));

        // Only invitees answer invitations; only the requester or a facilitator steers the discussion.
        var forged = await InvokeAsync(bot, CardAction(bot, StrangerId, null, "a:stranger", "discuss.notnow", new JsonObject { ["requestId"] = discussion.Id }));
        Assert.Equal(403, (int)forged["statusCode"]!);
        var notNow = await InvokeAsync(bot, CardAction(bot, TomasTeamsId, TomasAad, tomasChat, "discuss.notnow", new JsonObject { ["requestId"] = discussion.Id }));
        Assert.Contains("No problem", notNow["value"]!.ToJsonString(), StringComparison.Ordinal);
        var strangerClose = await InvokeAsync(bot, CardAction(bot, StrangerId, null, thread, "discuss.close", new JsonObject { ["requestId"] = discussion.Id }));
        var strangerExtend = await InvokeAsync(bot, CardAction(bot, StrangerId, null, thread, "discuss.extend", new JsonObject { ["requestId"] = discussion.Id, ["closesOn"] = "2026-03-20" }));
        Assert.Equal(403, (int)strangerClose["statusCode"]!);
        Assert.Equal(403, (int)strangerExtend["statusCode"]!);

        // Tomás's "not now" brought in the next-ranked member in his place.
        Assert.Equal(6, (await Store(bot).GetAsync("default", discussion.Id, CancellationToken.None))!.Invitees.Count);

        // Two quiet days: the invitees who neither replied nor said "not now" (Tomás's replacement too) are nudged, once, even across a restart.
        _clock.Advance(TimeSpan.FromDays(2));
        await CheckDeadlinesAsync(bot);
        await CheckDeadlinesAsync(bot);
        Assert.Equal(4, Nudges(bot));
        Assert.All(mentioned, i => Assert.Contains(bot.Sent, r => Text(r).StartsWith($"<at>{i.Name}</at> reminder", StringComparison.Ordinal)));
        await bot.RestartAsync();
        await CheckDeadlinesAsync(bot);
        Assert.Equal(4, Nudges(bot));

        // The closing date passes: the thread gets the ready-for-synthesis card, the facilitators are told, it closes.
        _clock.Advance(TimeSpan.FromDays(5));
        await CheckDeadlinesAsync(bot);
        await CheckDeadlinesAsync(bot);

        var closed = (await Store(bot).GetAsync("default", discussion.Id, CancellationToken.None))!;
        Assert.Equal(DiscussionStatus.Closed, closed.Status);
        Assert.Empty(await Store(bot).ListOpenAsync("default", CancellationToken.None));
        Assert.Single(bot.Sent, r => r.Path.Contains(thread, StringComparison.Ordinal) && r.Method == "POST" && r.Body.Contains("Ready for synthesis", StringComparison.Ordinal) && r.Body.Contains("Juma Said", StringComparison.Ordinal));
        Assert.Contains(bot.Sent, r => r.Path.Contains("/a:fake-conversation-", StringComparison.Ordinal) && r.Body.Contains("Ready for synthesis", StringComparison.Ordinal));
        Assert.Contains(bot.Sent, r => Text(r).StartsWith("<at>Grace Achieng Otieno</at> this discussion has closed", StringComparison.Ordinal));
        Assert.Contains(bot.Sent, r => r.Method == "PUT" && r.Body.Contains("Closed: handed to the facilitators", StringComparison.Ordinal));
        Assert.Equal(InviteState.Joined, closed.Find(AmaraId, null)!.State);
        Assert.Equal(InviteState.NotNow, closed.Find(TomasTeamsId, TomasAad)!.State);

        // The contributions are there for the synthesis, mention stripped; a reply after closing is not counted.
        await PostOkAsync(bot, ThreadReply(bot, thread, AmaraId, "Amara Nwosu-Lindqvist", "One more thing after the close.", mentionBot: false));
        var contributions = await bot.Services.GetRequiredService<IContributionStore>().ListContributionsAsync(discussion.Id, CancellationToken.None);
        Assert.Equal(["Amara Nwosu-Lindqvist", "Juma Said"], contributions.Select(c => c.AuthorName));
        Assert.Equal("We used mobile money agents to reach market vendors.", contributions[1].Text);
        Assert.NotEqual(requesterId, contributions[0].AuthorId);
        SentCardAssert.Valid(bot.SentCards, atLeast: 5);
    }

    [Fact]
    public async Task Discuss_RequesterExtendsThenCancels_NoHandOverAndStrangerCannot()
    {
        await using var bot = await StartAsync(azurite, _clock);
        await PrepareAsync(bot);
        var open = ChannelCommand(bot, "discuss Keeping village fire brigades engaged #fire-management\nHow did you keep volunteers coming back?");
        var thread = (string)open["conversation"]!["id"]!;
        var requesterId = (string)open["from"]!["id"]!;
        await PostOkAsync(bot, open);
        var discussion = await OnlyOpenAsync(bot);
        Assert.Equal("How did you keep volunteers coming back?", discussion.FramingQuestion);

        var tooEarly = await InvokeAsync(bot, CardAction(bot, requesterId, null, thread, "discuss.extend", new JsonObject { ["requestId"] = discussion.Id, ["closesOn"] = "2026-03-05" }));
        var garbage = await InvokeAsync(bot, CardAction(bot, requesterId, null, thread, "discuss.extend", new JsonObject { ["requestId"] = discussion.Id, ["closesOn"] = "next week" }));
        var extended = await InvokeAsync(bot, CardAction(bot, requesterId, null, thread, "discuss.extend", new JsonObject { ["requestId"] = discussion.Id, ["closesOn"] = "2026-03-20" }));

        Assert.Equal(400, (int)tooEarly["statusCode"]!);
        Assert.Equal(400, (int)garbage["statusCode"]!);
        Assert.Contains("2026-03-21 00:00 UTC", extended["value"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(new DateTimeOffset(2026, 3, 21, 0, 0, 0, TimeSpan.Zero), (await Store(bot).GetAsync("default", discussion.Id, CancellationToken.None))!.ClosesAt);

        var forgedId = await InvokeAsync(bot, CardAction(bot, requesterId, null, thread, "discuss.cancel", new JsonObject { ["requestId"] = "d-doesnotexist" }));
        var cancelled = await InvokeAsync(bot, CardAction(bot, requesterId, null, thread, "discuss.cancel", new JsonObject { ["requestId"] = discussion.Id }));
        Assert.Equal(404, (int)forgedId["statusCode"]!);
        Assert.Contains("Cancelled", cancelled["value"]!.ToJsonString(), StringComparison.Ordinal);

        _clock.Advance(TimeSpan.FromDays(30));
        await CheckDeadlinesAsync(bot);
        Assert.Equal(DiscussionStatus.Cancelled, (await Store(bot).GetAsync("default", discussion.Id, CancellationToken.None))!.Status);
        Assert.DoesNotContain(bot.Sent, r => r.Body.Contains("Ready for synthesis", StringComparison.Ordinal));
        SentCardAssert.Valid(bot.SentCards, atLeast: 3);
    }

    [Fact]
    public async Task DiscussForm_BadDateThenOpen_NothingStoredUntilValidThenClosesAtEndOfThatDay()
    {
        await using var bot = await StartAsync(azurite, _clock);
        await PrepareAsync(bot);
        var bare = bot.Payload("personal-message");
        bare["text"] = "discuss";
        await PostOkAsync(bot, bare);
        Assert.Contains(bot.SentCards, c => c.ToJsonString().Contains("Open a discussion", StringComparison.Ordinal));

        JsonObject Press(string verb, JsonObject inputs)
        {
            var press = CardAction(bot, "29:1asker", null, "19:7b2e4d6f8a0c4e1b9d3f5a7c2e4b6d8f@thread.tacv2;messageid=1741684990000", verb, inputs);
            press["conversation"]!["conversationType"] = "channel";
            press["replyToId"] = "1741684990000";
            return press;
        }

        var noTopic = await InvokeAsync(bot, Press("discuss.open", new JsonObject { ["topic"] = "  " }));
        var pastDate = await InvokeAsync(bot, Press("discuss.open", new JsonObject { ["topic"] = "Fire brigades", ["closesOn"] = "2026-03-01" }));
        var cancelled = await InvokeAsync(bot, Press("discuss.cancelform", new JsonObject()));
        Assert.Contains("Write the topic", noTopic["value"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("date must be between 2026-03-03", pastDate["value"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("Cancelled", cancelled["value"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(0, await bot.CountAsync("Discussions"));

        var opened = await InvokeAsync(bot, Press("discuss.open", new JsonObject { ["topic"] = "Fire brigades #fire-management", ["framing"] = "What kept volunteers engaged?", ["closesOn"] = "2026-03-10" }));

        Assert.Contains("Discussion opened", opened["value"]!.ToJsonString(), StringComparison.Ordinal);
        var discussion = await OnlyOpenAsync(bot);
        Assert.Equal(new DateTimeOffset(2026, 3, 11, 0, 0, 0, TimeSpan.Zero), discussion.ClosesAt);
        Assert.Equal("1741684990000", discussion.Place.QuestionActivityId);
        Assert.Contains(discussion.Invitees, i => i.Name == "Kalani Makoa Reyes");
    }

    [Fact]
    public async Task Discuss_TopicTooLong_ExplainsAndStoresNothing()
    {
        await using var bot = await StartAsync(azurite, _clock);
        var open = ChannelCommand(bot, "discuss " + new string('x', Discussion.MaxTopicLength + 1));

        await PostOkAsync(bot, open);

        Assert.Contains(bot.Sent, r => Text(r).Contains("Keep the topic under 500 characters", StringComparison.Ordinal));
        Assert.Equal(0, await bot.CountAsync("Discussions"));
    }
}
