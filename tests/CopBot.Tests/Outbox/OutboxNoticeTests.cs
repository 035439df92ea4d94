using System.Net;
using System.Text.Json.Nodes;
using CopBot.Cards;
using CopBot.Community;
using CopBot.Features.Query;
using CopBot.Features.Requests;
using CopBot.Outbox;
using CopBot.Testing;
using CopBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace CopBot.Tests.Outbox;

/// <summary>
/// The work the turns and timers used to send directly, now through the outbox (real Azurite queue and tables, the
/// fake connector on loopback, a fake clock): status-card redraws and deadline reminders, each sent once per key
/// whoever enqueues it how often, exactly once through connector failures, and a redraw always shows what storage holds.
/// </summary>
[Collection(AzuriteFixture.Collection)]
public sealed class OutboxNoticeTests(AzuriteFixture azurite)
{
    private const string AmaraId = "29:1Qm7vXyZk3TfPa9LbR2cWd8EhNs5UoJgYi4KzAx6BqVt0MnFl";
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero));

    private Task<BotHarness> StartAsync() => BotHarness.StartAsync(azurite, authenticated: false, configureServices: services =>
    {
        services.AddSingleton<TimeProvider>(_clock);
        services.Remove(services.Single(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(QueryDeadlineService)));
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

    private static IReadOnlyList<RecordedRequest> AckUpdates(BotHarness bot, QueryRequest query) =>
        [.. bot.Sent.Where(r => r.Method == "PUT" && r.StatusCode < 300 && r.Path.EndsWith("/activities/" + Uri.EscapeDataString(query.AckActivityId!), StringComparison.Ordinal))];

    /// <summary>Accepted reminders per recipient conversation and mentioned member (1:1 text, or a thread mention).</summary>
    private static Dictionary<string, int> RemindersPerRecipient(BotHarness bot) =>
        bot.Sent.Where(r => r.StatusCode < 300 && ((string?)r.Json?["text"])?.Contains("Reminder:", StringComparison.Ordinal) == true)
            .GroupBy(r => (string?)r.Json?["entities"]?[0]?["mentioned"]?["id"] ?? r.Path.Split('/')[^2])
            .ToDictionary(g => g.Key, g => g.Count());

    private static JsonNode? CardOf(RecordedRequest request) => request.Json?["attachments"]?[0]?["content"];

    [Fact]
    public async Task Redraw_EnqueuedTwice_TheCardIsUpdatedOnce()
    {
        await using var bot = await StartAsync();
        var query = await AskAsync(bot);
        var before = AckUpdates(bot, query).Count;
        var closed = (await bot.Services.GetRequiredService<IQueryStore>().UpdateAsync(query.Community, query.Id, q => q with { Status = QueryStatus.Closed }, CancellationToken.None))!;

        var redraw = ThreadCardRedraw.Message(QueryThread.Modality, query.Community, query.Id, ThreadCardRedraw.VersionOf(closed));
        var outbox = bot.Services.GetRequiredService<IOutbox>();
        await outbox.EnqueueAsync([redraw, redraw], CancellationToken.None);
        await outbox.EnqueueAsync([redraw], CancellationToken.None);
        await bot.DrainOutboxAsync();

        Assert.Equal(before + 1, AckUpdates(bot, query).Count);
    }

    [Fact]
    public async Task Redraw_OfAnOlderState_ShowsTheStateStoredWhenSent()
    {
        await using var bot = await StartAsync();
        var old = await AskAsync(bot);
        var store = bot.Services.GetRequiredService<IQueryStore>();
        var latest = (await store.UpdateAsync(old.Community, old.Id, q => q with { Status = QueryStatus.Closed }, CancellationToken.None))!;

        // The message was enqueued for a state storage has left since (as a delayed or reordered redraw would be).
        var stale = ThreadCardRedraw.Message(QueryThread.Modality, old.Community, old.Id, ThreadCardRedraw.VersionOf(old with { IsUrgent = !old.IsUrgent }));
        await bot.Services.GetRequiredService<IOutbox>().EnqueueAsync([stale], CancellationToken.None);
        await bot.DrainOutboxAsync();

        var shown = CardOf(AckUpdates(bot, old)[^1])!.ToJsonString();
        Assert.Equal(JsonNode.Parse(CardJson.ToJsonElement(QueryCards.Ack(latest)).GetRawText())!.ToJsonString(), shown);
        Assert.NotEqual(JsonNode.Parse(CardJson.ToJsonElement(QueryCards.Ack(old)).GetRawText())!.ToJsonString(), shown);
        SentCardAssert.Valid([JsonNode.Parse(shown)!.AsObject()]);
    }

    [Fact]
    public async Task Reminders_ConnectorThrottlingThenFailing_EachExpertRemindedExactlyOnce()
    {
        await using var bot = await StartAsync();
        var query = await AskAsync(bot);
        var asked = query.Experts.Count(e => e.State == AssignmentState.Asked);

        _clock.Advance(TimeSpan.FromHours(12));
        bot.Connector.FailNext(429, times: 2, retryAfter: TimeSpan.Zero);
        bot.Connector.FailNext(503, times: 2);
        bot.Connector.FailNext(500, times: 2);
        await bot.Services.GetRequiredService<QueryDeadlineChecker>().RunOnceAsync(CancellationToken.None);
        await bot.DrainOutboxAsync();

        Assert.Contains(bot.Sent, r => r.StatusCode >= 429);
        var reminders = RemindersPerRecipient(bot);
        Assert.Equal(asked, reminders.Count);
        Assert.All(reminders.Values, count => Assert.Equal(1, count));
        Assert.Empty(await PoisonedAsync(bot));
    }

    [Fact]
    public async Task Reminders_TwoInstancesAndATimerThatDiedBeforeRecording_EachExpertRemindedOnce()
    {
        await using var bot = await StartAsync();
        var query = await AskAsync(bot);
        var asked = query.Experts.Where(e => e.State == AssignmentState.Asked).ToList();
        await using var other = await bot.StartOtherInstanceAsync();

        _clock.Advance(TimeSpan.FromHours(12));
        await Task.WhenAll(CheckAsync(bot.Services), CheckAsync(other.Services), CheckAsync(bot.Services), CheckAsync(other.Services));
        await bot.DrainOutboxAsync();
        // A timer that enqueued and died before recording the reminder: storage says "not reminded", the next pass enqueues again.
        var store = bot.Services.GetRequiredService<IQueryStore>();
        await store.UpdateAsync(query.Community, query.Id, q => asked.Aggregate(q, (current, e) => current.With(current.Find(e.ExpertId, null)! with { RemindedAt = null })), CancellationToken.None);
        await Task.WhenAll(CheckAsync(other.Services), CheckAsync(bot.Services));
        await bot.DrainOutboxAsync();

        var reminders = RemindersPerRecipient(bot);
        Assert.Equal(asked.Count, reminders.Count);
        Assert.All(reminders.Values, count => Assert.Equal(1, count));
        Assert.All((await store.GetAsync(query.Community, query.Id, CancellationToken.None))!.Experts.Where(e => e.State == AssignmentState.Asked),
            e => Assert.NotNull(e.RemindedAt));
    }

    [Fact]
    public async Task HandOver_TwoInstancesTimersAtTheWindowEnd_EachTimedOutExpertReplacedOnce()
    {
        await using var bot = await StartAsync();
        var query = await AskAsync(bot);
        var first = query.Experts.Where(e => e.State == AssignmentState.Asked).Select(e => e.ExpertId).ToHashSet();
        await using var other = await bot.StartOtherInstanceAsync();

        _clock.Advance(TimeSpan.FromHours(24));
        await Task.WhenAll(CheckAsync(bot.Services), CheckAsync(other.Services), CheckAsync(bot.Services), CheckAsync(other.Services));
        await bot.DrainOutboxAsync();

        var stored = (await bot.Services.GetRequiredService<IQueryStore>().GetAsync(query.Community, query.Id, CancellationToken.None))!;
        Assert.All(stored.Experts.Where(e => first.Contains(e.ExpertId)), e => Assert.Equal(AssignmentState.TimedOut, e.State));
        var next = stored.Experts.Where(e => !first.Contains(e.ExpertId) && e.State == AssignmentState.Asked).ToList();
        Assert.Equal(Math.Min(first.Count, query.Experts.Count - first.Count), next.Count);
        Assert.All(next, e => Assert.NotEqual(NotificationChannel.None, e.NotifiedBy));
        // One ask per newly asked expert: a card or a mention each, none twice.
        var mentions = bot.Sent.Where(r => r.StatusCode < 300 && ((string?)r.Json?["text"])?.Contains("could you help with this question", StringComparison.Ordinal) == true)
            .Select(r => (string?)r.Json?["entities"]?[0]?["mentioned"]?["id"]).ToList();
        Assert.Equal(mentions.Count, mentions.Distinct().Count());
        Assert.Empty(await PoisonedAsync(bot));
    }

    private static Task CheckAsync(IServiceProvider services) =>
        services.GetRequiredService<QueryDeadlineChecker>().RunOnceAsync(CancellationToken.None);

    private static async Task<Azure.Storage.Queues.Models.PeekedMessage[]> PoisonedAsync(BotHarness bot) =>
        (await bot.Services.GetRequiredService<OutboxQueues>().Poison.PeekMessagesAsync(32)).Value;
}
