using System.Net;
using CopBot.Community;
using CopBot.Features.Query;
using CopBot.Testing;
using CopBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace CopBot.Tests;

/// <summary>
/// Answer windows on a fake clock: a reminder at half time (once, even across a restart), the next expert at the
/// end, and a late answer still accepted. The periodic service is removed so each check runs exactly when called.
/// Anonymous mode: channel tokens are checked against the same (fake) clock, and auth is covered elsewhere.
/// </summary>
[Collection(AzuriteFixture.Collection)]
public sealed class QueryDeadlineTests(AzuriteFixture azurite)
{
    private const string AmaraId = "29:1Qm7vXyZk3TfPa9LbR2cWd8EhNs5UoJgYi4KzAx6BqVt0MnFl";
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero));

    private Task<BotHarness> StartAsync() => BotHarness.StartAsync(azurite, authenticated: false, configureServices: services =>
    {
        services.AddSingleton<TimeProvider>(_clock);
        var periodic = services.Single(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(QueryDeadlineService));
        services.Remove(periodic);
    });

    private static async Task<QueryRequest> AskAsync(BotHarness bot)
    {
        using (var reader = File.OpenText(Path.Combine(AzuriteFixture.RepositoryRoot, "samples", "demo-community.jsonl")))
        {
            await new ProfileImporter(bot.Services.GetRequiredService<IProfileStore>()).ImportAsync(reader);
        }

        await bot.RefreshExpertIndexAsync();
        await bot.Services.GetRequiredService<IContactStore>().UpsertMemberAsync(
            new MemberContact("6e3a9f1c-2b47-4d8a-9c5e-0f1d2a3b4c5d", AmaraId, null, "Amara Nwosu-Lindqvist", "msteams", bot.Connector.ServiceUrl, "a:1amara-personal", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch),
            CancellationToken.None);
        var ask = bot.Payload("channel-message-mention");
        ask["text"] = "<at>CopBot</at> query How do we design cash transfers for informal workers? #cash-transfers";
        using var response = await bot.PostAsync(ask);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var store = bot.Services.GetRequiredService<IQueryStore>();
        var id = Assert.Single(await store.ListOpenAsync("default", CancellationToken.None));
        return (await store.GetAsync("default", id, CancellationToken.None))!;
    }

    /// <summary>One pass of the deadline checker, then what it enqueued sent by the outbox.</summary>
    private static async Task CheckDeadlinesAsync(BotHarness bot)
    {
        await bot.Services.GetRequiredService<QueryDeadlineChecker>().RunOnceAsync(CancellationToken.None);
        await bot.DrainOutboxAsync();
    }

    private static int Reminders(BotHarness bot) =>
        bot.Sent.Count(r => ((string?)r.Json?["text"])?.Contains("Reminder:", StringComparison.Ordinal) == true);

    [Fact]
    public async Task RunOnceAsync_HalfTimeThenWindowOver_RemindsOnceThenAsksTheNextExperts()
    {
        await using var bot = await StartAsync();
        var query = await AskAsync(bot);
        var asked = query.Experts.Where(e => e.State == AssignmentState.Asked).ToList();
        Assert.Equal(3, asked.Count);

        _clock.Advance(TimeSpan.FromHours(11));
        await CheckDeadlinesAsync(bot);
        Assert.Equal(0, Reminders(bot));

        _clock.Advance(TimeSpan.FromHours(1));
        await CheckDeadlinesAsync(bot);
        await CheckDeadlinesAsync(bot);
        Assert.Equal(3, Reminders(bot));
        Assert.Contains(bot.Sent, r => r.Path.EndsWith("/a:1amara-personal/activities", StringComparison.Ordinal)
            && ((string?)r.Json!["text"])?.StartsWith("Reminder:", StringComparison.Ordinal) == true);

        await bot.RestartAsync();
        await CheckDeadlinesAsync(bot);
        Assert.Equal(3, Reminders(bot));

        _clock.Advance(TimeSpan.FromHours(12));
        await CheckDeadlinesAsync(bot);

        var after = (await bot.Services.GetRequiredService<IQueryStore>().GetAsync("default", query.Id, CancellationToken.None))!;
        Assert.All(asked, e => Assert.Equal(AssignmentState.TimedOut, after.Find(e.ExpertId, null)!.State));
        var next = query.Experts.Where(e => e.State == AssignmentState.Waiting).Take(3).Select(e => e.ExpertId).ToList();
        Assert.All(next, id => Assert.Equal(AssignmentState.Asked, after.Find(id, null)!.State));
        Assert.Contains(bot.Sent, r => r.Method == "PUT" && r.Body.Contains("no reply in time", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Answer_AfterTheExpertTimedOut_StillPostedInTheThread()
    {
        await using var bot = await StartAsync();
        var query = await AskAsync(bot);
        _clock.Advance(TimeSpan.FromHours(25));
        await CheckDeadlinesAsync(bot);
        var invoke = bot.Payload("invoke-adaptive-card-action");
        invoke["from"] = new System.Text.Json.Nodes.JsonObject { ["id"] = AmaraId };
        invoke["conversation"] = new System.Text.Json.Nodes.JsonObject { ["id"] = "a:1amara-personal", ["conversationType"] = "personal" };
        invoke["value"]!["action"]!["verb"] = "query.answer";
        invoke["value"]!["action"]!["data"] = new System.Text.Json.Nodes.JsonObject { ["requestId"] = query.Id, ["answer"] = "Sorry for the delay: start from the social registry." };

        using var response = await bot.PostAsync(invoke);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(bot.Sent, r => r.Body.Contains("Sorry for the delay", StringComparison.Ordinal) && r.Body.Contains("Answer from Amara", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunOnceAsync_ClosedQuery_NoLongerChecked()
    {
        await using var bot = await StartAsync();
        var query = await AskAsync(bot);
        var store = bot.Services.GetRequiredService<IQueryStore>();
        await store.UpdateAsync("default", query.Id, q => q with { Status = QueryStatus.Closed }, CancellationToken.None);

        _clock.Advance(TimeSpan.FromHours(13));
        await CheckDeadlinesAsync(bot);

        Assert.Empty(await store.ListOpenAsync("default", CancellationToken.None));
        Assert.Equal(0, Reminders(bot));
    }
}
