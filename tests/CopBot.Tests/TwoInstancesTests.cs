using System.Net;
using System.Text.Json.Nodes;
using CopBot.Community;
using CopBot.Features.Query;
using CopBot.Testing;
using CopBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace CopBot.Tests;

/// <summary>
/// Two bot instances on one storage account and one connector, as in a scaled-out deployment: a delivery that
/// reaches both is routed once, concurrent answers on different instances both land (ETags), and deadline
/// checks running on both remind each expert once.
/// </summary>
[Collection(AzuriteFixture.Collection)]
public sealed class TwoInstancesTests(AzuriteFixture azurite)
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero));

    /// <summary>Both instances on the same fake clock, their periodic deadline service off so checks run when called.</summary>
    private Task<BotHarness> StartAsync() => BotHarness.StartAsync(azurite, authenticated: false, configureServices: services =>
    {
        services.AddSingleton<TimeProvider>(_clock);
        services.Remove(services.Single(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(QueryDeadlineService)));
    });

    [Fact]
    public async Task SameDeliveryReachesBothInstances_RoutedOnce()
    {
        await using var bot = await StartAsync();
        await QueryFlowTests.ImportDemoCommunityAsync(bot);
        await QueryFlowTests.InstallInTeamAsync(bot);
        await using var other = await bot.StartOtherInstanceAsync();
        var ask = bot.Payload("channel-message-mention");
        ask["text"] = "<at>CopBot</at> query " + QueryFlowTests.Question;
        var sentBefore = bot.Sent.Count;

        var responses = await Task.WhenAll(bot.PostAsync(ask), other.PostAsync(ask));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Single(await bot.Services.GetRequiredService<IQueryStore>().ListOpenAsync("default", CancellationToken.None));
        var sent = bot.Sent.Skip(sentBefore).ToList();
        Assert.Single(sent, r => r.Method == "POST" && r.Path.EndsWith($"/activities/{ask["id"]}", StringComparison.Ordinal) && r.Body.Contains("\"Query\"", StringComparison.Ordinal));
        Assert.Equal(2, sent.Count(r => r.Path.EndsWith("/v3/conversations", StringComparison.Ordinal)));
        Assert.Equal(sent.Count, sent.Select(r => (r.Method, r.Path, r.Body)).Distinct().Count());
    }

    [Fact]
    public async Task TwoExpertsAnswerAtOnceOnDifferentInstances_BothAnswersLand()
    {
        await using var bot = await StartAsync();
        var requestId = await QueryFlowTests.AskInTeamChannelAsync(bot);
        await using var other = await bot.StartOtherInstanceAsync();
        var amaraChat = QueryFlowTests.PersonalConversationOf(bot, QueryFlowTests.AmaraId);
        var tomasChat = QueryFlowTests.PersonalConversationOf(bot, QueryFlowTests.TomasTeamsId);
        JsonObject Answer(string id, string? aad, string chat, string text) =>
            QueryFlowTests.CardAction(bot, id, aad, chat, "query.answer", new JsonObject { ["requestId"] = requestId, ["answer"] = text });

        var responses = await Task.WhenAll(
            bot.PostAsync(Answer(QueryFlowTests.AmaraId, null, amaraChat, "Pay through mobile money wallets.")),
            other.PostAsync(Answer(QueryFlowTests.TomasTeamsId, QueryFlowTests.TomasAad, tomasChat, "Start from the social registry.")));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var stored = (await bot.Services.GetRequiredService<IQueryStore>().GetAsync("default", requestId, CancellationToken.None))!;
        Assert.Equal(AssignmentState.Answered, stored.Find(QueryFlowTests.AmaraId, null)!.State);
        Assert.Equal(AssignmentState.Answered, stored.Find(QueryFlowTests.TomasTeamsId, QueryFlowTests.TomasAad)!.State);
        Assert.Single(bot.Sent, r => r.Body.Contains("mobile money wallets", StringComparison.Ordinal));
        Assert.Single(bot.Sent, r => r.Body.Contains("Start from the social registry", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DeadlineChecksOnBothInstances_EachExpertRemindedOnce()
    {
        await using var bot = await StartAsync();
        var requestId = await QueryFlowTests.AskInTeamChannelAsync(bot);
        await using var other = await bot.StartOtherInstanceAsync();
        var asked = (await bot.Services.GetRequiredService<IQueryStore>().GetAsync("default", requestId, CancellationToken.None))!
            .Experts.Count(e => e.State == AssignmentState.Asked);

        _clock.Advance(TimeSpan.FromHours(12));
        await Task.WhenAll(CheckAsync(bot.Services), CheckAsync(other.Services), CheckAsync(bot.Services), CheckAsync(other.Services));
        await bot.DrainOutboxAsync();

        Assert.True(asked > 0);
        Assert.Equal(asked, bot.Sent.Count(r => ((string?)r.Json?["text"])?.Contains("Reminder:", StringComparison.Ordinal) == true));
    }

    private static Task CheckAsync(IServiceProvider services) =>
        services.GetRequiredService<QueryDeadlineChecker>().RunOnceAsync(CancellationToken.None);
}
