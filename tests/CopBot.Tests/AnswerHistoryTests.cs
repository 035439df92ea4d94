using System.Text.Json.Nodes;
using CopBot.Community;
using CopBot.Features.Query;
using CopBot.Features.Requests;
using CopBot.Testing;
using CopBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace CopBot.Tests;

/// <summary>
/// An answer given through the bot becomes part of the expert's profile history, through the real pipeline on
/// Azurite: stored once per request whatever is redelivered or clicked again, seen by this instance's routing at
/// once and by another instance at its index refresh, so a similar question now finds the expert.
/// </summary>
[Collection(AzuriteFixture.Collection)]
public sealed class AnswerHistoryTests(AzuriteFixture azurite)
{
    private const string Question = "How do we keep pastoralist households registered when they migrate with their herds? #cash-transfers";
    private const string Similar = "Pastoralist families migrate with their herds every season: how do we keep them registered?";
    private const string AnswerText = "Register them at the water points on the migration routes, with a mobile enrolment team.";

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Answer_ThroughTheCard_OneHistoryItemEvenWhenRedeliveredAndRoutingFindsTheExpertForASimilarQuestion()
    {
        await using var bot = await StartWithoutPeriodicRefreshAsync();
        await CommunityScenario.PrepareAsync(bot);
        await using var other = await bot.StartOtherInstanceAsync();
        var before = await FindAsync(bot.Services, Similar);
        await QueryScenario.AskInChannelAsync(bot, Question);
        var requestId = QueryScenario.QueryIdOf(bot, Question);
        _clock.Advance(TimeSpan.FromHours(3));
        var answeredAt = _clock.GetUtcNow();

        var answer = Answer(bot, requestId, AnswerText);
        var answered = await QueryScenario.InvokeAsync(bot, answer);

        Assert.Equal(200, (int)answered["statusCode"]!);
        var query = (await bot.Services.GetRequiredService<IQueryStore>().GetAsync("default", requestId, CancellationToken.None))!;
        var item = Assert.Single(await RecordedAsync(bot.Services));
        Assert.Equal(new AnsweredQuestion(query.Question, AnswerText, item.Tags, answeredAt) { Key = "query:" + requestId }, item);
        Assert.Contains("cash-transfers", item.Tags);

        // The same delivery again, then a second click with other text (an "edited" answer): still one item, unchanged.
        using (var redelivered = await bot.PostAsync(answer))
        {
            Assert.Equal(System.Net.HttpStatusCode.OK, redelivered.StatusCode);
        }

        _clock.Advance(TimeSpan.FromMinutes(5));
        await QueryScenario.InvokeAsync(bot, Answer(bot, requestId, "Actually, use the livestock census lists."));
        Assert.Equal([item], await RecordedAsync(bot.Services));

        // This instance routes with it at once: the expert comes first for a similar question, and says why.
        var similarWhy = $"Answered a similar question: \"{query.Question}\"";
        Assert.DoesNotContain(before.Matches, m => m.Why.Contains(similarWhy));
        var after = await FindAsync(bot.Services, Similar);
        Assert.Equal(CommunityScenario.AmaraId, after.Matches[0].ExpertId);
        Assert.Contains(similarWhy, after.Matches[0].Why);
        Assert.False(after.IsGap);

        // Another instance learns it at its periodic index refresh, which re-reads the stored histories.
        Assert.DoesNotContain(query.Question, Titles(other.Services));
        await other.Services.GetRequiredService<ExpertIndexHolder>().RefreshAsync(other.Services.GetRequiredService<IProfileStore>());
        Assert.Contains(query.Question, Titles(other.Services));
        Assert.Contains(similarWhy, (await FindAsync(other.Services, Similar)).Matches[0].Why);
    }

    [Fact]
    public async Task Record_MemberWithoutProfile_GetsAMinimalRoutableProfileHoldingTheItem()
    {
        await using var bot = await CommunityScenario.StartAsync(azurite, _clock);
        await CommunityScenario.PrepareAsync(bot);
        var item = ProfileHistory.Item("discussion:d-1", Similar, "Water points.", ["pastoralism"], _clock.GetUtcNow());

        await Recorder(bot).RecordAsync("default", CommunityScenario.StrangerId, null, "Sam Newcomer", item, CancellationToken.None);
        await bot.DrainOutboxAsync(); // the turn only enqueues it; the outbox worker writes the history

        var created = await bot.Services.GetRequiredService<IProfileStore>().GetAsync("default", CommunityScenario.StrangerId, CancellationToken.None);
        Assert.NotNull(created);
        Assert.Equal("Sam Newcomer", created.Name);
        Assert.Equal([CommunityRole.Member], created.Roles);
        Assert.Empty(created.Skills);
        Assert.Equal([item], created.History);
        Assert.Equal(CommunityScenario.StrangerId, (await FindAsync(bot.Services, "#pastoralism " + Similar)).Matches[0].ExpertId);
    }

    [Fact]
    public async Task Record_ProfileKeyedByEntraId_ItemGoesToThatProfileAndNoSecondProfileIsMade()
    {
        await using var bot = await CommunityScenario.StartAsync(azurite, _clock);
        await CommunityScenario.PrepareAsync(bot);
        var store = bot.Services.GetRequiredService<IProfileStore>();
        var historyBefore = (await store.GetAsync("default", CommunityScenario.TomasAad, CancellationToken.None))!.History.Count;
        var item = ProfileHistory.Item("consultation:c-1", "Review of the grievance redress manual", null, ["grievance redress"], _clock.GetUtcNow());

        await Recorder(bot).RecordAsync("default", CommunityScenario.TomasTeamsId, CommunityScenario.TomasAad, "Tomás", item, CancellationToken.None);
        await bot.DrainOutboxAsync(); // the turn only enqueues it; the outbox worker writes the history

        Assert.Null(await store.GetAsync("default", CommunityScenario.TomasTeamsId, CancellationToken.None));
        var tomas = (await store.GetAsync("default", CommunityScenario.TomasAad, CancellationToken.None))!;
        Assert.Equal(historyBefore + 1, tomas.History.Count);
        Assert.Equal(item, tomas.History[^1]);
    }

    [Fact]
    public async Task Discussion_RepliesFromMembers_OneItemPerMemberNewcomerGetsAProfileRequesterNone()
    {
        await using var bot = await CommunityScenario.StartAsync(azurite, _clock);
        await CommunityScenario.PrepareAsync(bot);
        var open = CommunityScenario.ChannelCommand(bot, "discuss How did you keep pastoralist households registered? #pastoralism");
        var thread = (string)open["conversation"]!["id"]!;
        var requesterId = (string)open["from"]!["id"]!;
        await CommunityScenario.PostOkAsync(bot, open);
        var discussionId = Assert.Single(await bot.Services.GetRequiredService<IDiscussionStore>().ListOpenAsync("default", CancellationToken.None));

        var first = CommunityScenario.ThreadReply(bot, thread, "29:1LocalMember", "Juma Said", "We registered them at water points.", mentionBot: false);
        await CommunityScenario.PostOkAsync(bot, first);
        await CommunityScenario.PostOkAsync(bot, first);
        await CommunityScenario.PostOkAsync(bot, CommunityScenario.ThreadReply(bot, thread, "29:1LocalMember", "Juma Said", "And with mobile teams.", mentionBot: false));
        await CommunityScenario.PostOkAsync(bot, CommunityScenario.ThreadReply(bot, thread, CommunityScenario.AmaraId, "Amara Nwosu-Lindqvist", "Through the social registry.", mentionBot: false));
        await CommunityScenario.PostOkAsync(bot, CommunityScenario.ThreadReply(bot, thread, requesterId, "The requester", "Thanks, keep them coming.", mentionBot: false));

        var store = bot.Services.GetRequiredService<IProfileStore>();
        var juma = (await store.GetAsync("default", "29:1LocalMember", CancellationToken.None))!;
        var item = Assert.Single(juma.History);
        Assert.Equal("discussion:" + discussionId, item.Key);
        Assert.Equal("How did you keep pastoralist households registered? #pastoralism", item.Title);
        Assert.Equal("We registered them at water points.", item.Text);
        Assert.Equal("pastoralism", item.Tags[0]);
        Assert.Single((await store.GetAsync("default", CommunityScenario.AmaraId, CancellationToken.None))!.History, h => h.Key == item.Key);
        Assert.DoesNotContain((await store.GetAsync("default", requesterId, CancellationToken.None))?.History ?? [], h => h.Key == item.Key);
        var found = await FindAsync(bot.Services, "#pastoralism where do pastoralist households register?");
        Assert.Contains(found.Matches, m => m.ExpertId == "29:1LocalMember" && m.Why.Contains($"Answered a similar question: \"{item.Title}\""));
    }

    [Fact]
    public async Task ConsultationReview_SubmittedThenEdited_OneItemOnTheReviewersProfile()
    {
        await using var bot = await CommunityScenario.StartAsync(azurite, _clock);
        await CommunityScenario.PrepareAsync(bot);
        var form = new JsonObject
        {
            ["title"] = "Grievance redress manual for the pastoralist cash programme",
            ["document"] = "https://example.org/grievance-manual.docx",
            ["question1"] = "Can herders reach the #grievance-redress desks during migration?",
            ["question2"] = "",
            ["question3"] = "",
            ["deadline"] = "2026-03-09",
            ["reviewers"] = "tomás ferreira quispe",
        };
        await QueryScenario.InvokeAsync(bot, CommunityScenario.PressInFormThread(bot, CommunityScenario.FormRequesterId, "consult.submit", form));
        var consultationId = Assert.Single(await bot.Services.GetRequiredService<IConsultationStore>().ListOpenAsync("default", CancellationToken.None));
        var tomasChat = CommunityScenario.PersonalConversationOf(bot, CommunityScenario.TomasTeamsId);
        JsonObject Review(string answer) => CommunityScenario.CardAction(bot, CommunityScenario.TomasTeamsId, CommunityScenario.TomasAad, tomasChat, "consult.review",
            new JsonObject { ["requestId"] = consultationId, ["answer1"] = answer, ["rating"] = "4" });

        await QueryScenario.InvokeAsync(bot, Review("Only with mobile desks at the water points."));
        _clock.Advance(TimeSpan.FromHours(1));
        await QueryScenario.InvokeAsync(bot, Review("Edited: mobile desks and a phone line."));

        var tomas = (await bot.Services.GetRequiredService<IProfileStore>().GetAsync("default", CommunityScenario.TomasAad, CancellationToken.None))!;
        var item = Assert.Single(tomas.History, h => h.Key is not null);
        Assert.Equal("consultation:" + consultationId, item.Key);
        Assert.Equal("Grievance redress manual for the pastoralist cash programme", item.Title);
        Assert.Equal("Can herders reach the #grievance-redress desks during migration?\nOnly with mobile desks at the water points.", item.Text);
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero), item.At);
    }

    /// <summary>
    /// As <see cref="CommunityScenario.StartAsync"/>, and without the periodic index refresh (on both instances), so
    /// what the index holds comes only from the answer path and from the refresh the test runs itself.
    /// </summary>
    private Task<BotHarness> StartWithoutPeriodicRefreshAsync() =>
        BotHarness.StartAsync(azurite, authenticated: false, configureServices: services =>
        {
            services.AddSingleton<TimeProvider>(_clock);
            Type[] periodic = [typeof(ExpertIndexRefresher), typeof(QueryDeadlineService), typeof(CopBot.Features.Digest.DigestService)];
            foreach (var service in services.Where(d => d.ServiceType == typeof(IHostedService) && periodic.Contains(d.ImplementationType)).ToList())
            {
                services.Remove(service);
            }
        });

    private static AnswerHistoryRecorder Recorder(BotHarness bot) => bot.Services.GetRequiredService<AnswerHistoryRecorder>();

    private static JsonObject Answer(BotHarness bot, string requestId, string text) =>
        QueryScenario.CardAction(bot, CommunityScenario.AmaraId, "a:amara-chat", "query.answer",
            new JsonObject { ["requestId"] = requestId, ["answer"] = text });

    private static async Task<IReadOnlyList<AnsweredQuestion>> RecordedAsync(IServiceProvider services) =>
        [.. (await services.GetRequiredService<IProfileStore>().GetAsync("default", CommunityScenario.AmaraId, CancellationToken.None))!
            .History.Where(h => h.Key is not null)];

    private static List<string> Titles(IServiceProvider services) =>
        [.. services.GetRequiredService<ExpertIndexHolder>().Current.Find(CommunityScenario.AmaraId)!.History.Select(h => h.Title)];

    private static Task<ExpertSearch> FindAsync(IServiceProvider services, string text) =>
        services.GetRequiredService<IExpertFinder>().FindAsync("default", QueryText.Parse(text), "29:1asker", 5, CancellationToken.None);
}
