using Azure.Data.Tables;
using CopBot.Community;
using CopBot.Storage.IntegrationTests.Infrastructure;
using CopBot.Testing;

namespace CopBot.Storage.IntegrationTests.Idempotency;

/// <summary>
/// The inbox side of the once-only records on Azurite: an accepted activity is kept unfinished under its delivery's
/// token, claimed for that delivery (a redelivery of one handled before is found out and dropped), completed, listed
/// once its lease runs out, taken over by exactly one instance, and given up on.
/// </summary>
[Collection(AzuriteFixture.Collection)]
public class ActivityInboxTests(AzuriteFixture azurite) : StorageTest(azurite)
{
    internal const string Conversation = "a:1personalConversation";
    internal static readonly TimeSpan Lease = TimeSpan.FromMinutes(3);

    internal static InboundActivity Message(string id, string conversation = Conversation, string? text = null) =>
        new("msteams", conversation, id, $$"""{"type":"message","id":"{{id}}","text":"{{text ?? "help"}}"}""");

    [Fact]
    public async Task TryAcceptAsync_FirstThenWhileUnfinished_AcceptedThenNull_KeptOnceWithItsJsonAndToken()
    {
        var inbox = Storage.ProcessedActivities();

        var accepted = await inbox.TryAcceptAsync(Message("1"), Lease, default);
        Assert.Null(await inbox.TryAcceptAsync(Message("1"), Lease, default));

        Assert.NotNull(accepted);
        Assert.Equal(1, accepted.Attempts);
        var kept = Assert.Single(await InboxRowsAsync());
        Assert.StartsWith("unfinished|", kept.RowKey, StringComparison.Ordinal);
        Assert.Equal(Message("1").Json, kept.GetString("Json0"));
        Assert.Equal(accepted.Delivery, kept.GetString("Delivery"));
        Assert.Empty(await ClaimsAsync());
    }

    [Fact]
    public async Task TryClaimAsync_AcceptedActivity_ClaimedUnderItsToken_AndAgainForTheSameDelivery()
    {
        var inbox = Storage.ProcessedActivities();
        var accepted = (await inbox.TryAcceptAsync(Message("1"), Lease, default))!;

        Assert.True(await inbox.TryClaimAsync(accepted, default));
        // A turn of the same delivery that died after claiming: its take-over claims again and may run.
        Assert.True(await inbox.TryClaimAsync(accepted, default));

        Assert.Equal(accepted.Delivery, Assert.Single(await ClaimsAsync()).GetString("Delivery"));
        Assert.Single(await InboxRowsAsync());
        Assert.False(await inbox.TryBeginAsync("msteams", Conversation, "1", default));
    }

    [Fact]
    public async Task TryClaimAsync_ActivityClaimedWithinARequestBefore_FalseAndTheCopyDropped()
    {
        var store = Storage.ProcessedActivities();
        Assert.True(await store.TryBeginAsync("msteams", Conversation, "1", default));

        var accepted = (await store.TryAcceptAsync(Message("1"), Lease, default))!;

        Assert.False(await store.TryClaimAsync(accepted, default));
        Assert.Empty(await InboxRowsAsync());
        Assert.Single(await ClaimsAsync());
    }

    [Fact]
    public async Task RedeliveredAfterItsTurnCompleted_AcceptedButNotClaimed_NothingLeft()
    {
        var inbox = Storage.ProcessedActivities();
        var first = (await inbox.TryAcceptAsync(Message("1"), Lease, default))!;
        await inbox.TryClaimAsync(first, default);
        await inbox.CompleteAsync("msteams", Conversation, "1", default);

        var redelivered = (await inbox.TryAcceptAsync(Message("1"), Lease, default))!;

        Assert.False(await inbox.TryClaimAsync(redelivered, default));
        Assert.Empty(await InboxRowsAsync());
        Assert.Equal(first.Delivery, Assert.Single(await ClaimsAsync()).GetString("Delivery"));
    }

    [Fact]
    public async Task ManyActivitiesEachDeliveredThreeTimesAtOnce_EachAcceptedAndClaimedOnce()
    {
        // Kept activities and claims are group-committed, each in its table: 150 activities fill several transactions.
        var inbox = Storage.ProcessedActivities();
        var deliveries = Enumerable.Range(0, 150).SelectMany(i => Enumerable.Repeat($"activity-{i}", 3)).ToList();

        var results = await Task.WhenAll(deliveries.Select(id => Task.Run(async () =>
            (id, run: await inbox.TryAcceptAsync(Message(id), Lease, default) is { } accepted && await inbox.TryClaimAsync(accepted, default)))));

        Assert.All(results.GroupBy(r => r.id), g => Assert.Single(g, r => r.run));
        Assert.Equal(150, (await InboxRowsAsync()).Count);
        Assert.Equal(150, (await ClaimsAsync()).Count);
    }

    [Fact]
    public async Task TryAcceptAsync_BatchHoldingActivitiesAcceptedBefore_OthersAccepted()
    {
        var inbox = Storage.ProcessedActivities();
        var before = Enumerable.Range(0, 30).Where(i => i % 4 == 0).Select(i => $"activity-{i}").ToList();
        foreach (var id in before)
        {
            Assert.NotNull(await inbox.TryAcceptAsync(Message(id), Lease, default));
        }

        var results = await Task.WhenAll(Enumerable.Range(0, 30).Select(i => $"activity-{i}").Select(id =>
            Task.Run(async () => (id, accepted: await inbox.TryAcceptAsync(Message(id), Lease, default) is not null))));

        Assert.All(results, r => Assert.Equal(!before.Contains(r.id), r.accepted));
        Storage.Time.Advance(Lease + TimeSpan.FromSeconds(1));
        Assert.Equal(30, (await inbox.ListStaleAsync(100, default)).Count);
    }

    [Fact]
    public async Task TryAcceptAsync_LargeActivitiesAtOnce_KeptVerbatimAcrossColumns()
    {
        // 300,000 characters, non-ASCII included: ten columns each, and several of them cannot share one transaction.
        var inbox = Storage.ProcessedActivities();
        var text = string.Concat(Enumerable.Repeat("Évaluation des transferts monétaires — ", 7700))[..300_000];
        var activities = Enumerable.Range(0, 6).Select(i => Message($"large-{i}", text: text)).ToList();

        var accepted = await Task.WhenAll(activities.Select(a => Task.Run(() => inbox.TryAcceptAsync(a, Lease, default))));

        Assert.All(accepted, Assert.NotNull);
        Storage.Time.Advance(Lease + TimeSpan.FromSeconds(1));
        var stale = await inbox.ListStaleAsync(10, default);
        Assert.Equal(activities.Select(a => a.Json).Order(), stale.Select(s => s.Activity.Json).Order());
    }

    [Fact]
    public async Task CompleteAsync_RemovesOnlyTheKeptCopy_TwiceIsHarmless_NothingListedAfterwards()
    {
        var inbox = Storage.ProcessedActivities();
        var accepted = (await inbox.TryAcceptAsync(Message("1"), Lease, default))!;
        await inbox.TryClaimAsync(accepted, default);

        await inbox.CompleteAsync("msteams", Conversation, "1", default);
        await inbox.CompleteAsync("msteams", Conversation, "1", default);

        Assert.Empty(await InboxRowsAsync());
        Assert.Equal(accepted.Delivery, Assert.Single(await ClaimsAsync()).GetString("Delivery"));
        Storage.Time.Advance(Lease + TimeSpan.FromSeconds(1));
        Assert.Empty(await inbox.ListStaleAsync(10, default));
    }

    [Fact]
    public async Task ListStaleAsync_OnlyOnceTheLeaseRanOut_WithTheActivityAsReceived()
    {
        var inbox = Storage.ProcessedActivities();
        var accepted = (await inbox.TryAcceptAsync(Message("1"), Lease, default))!;

        Storage.Time.Advance(Lease - TimeSpan.FromSeconds(1));
        Assert.Empty(await inbox.ListStaleAsync(10, default));

        Storage.Time.Advance(TimeSpan.FromSeconds(2));
        var stale = Assert.Single(await inbox.ListStaleAsync(10, default));
        Assert.Equal(Message("1"), stale.Activity);
        Assert.Equal(1, stale.Attempts);
        Assert.Equal(accepted.ReceivedAt, stale.ReceivedAt);
        Assert.Equal(accepted.Delivery, stale.Delivery);
    }

    [Fact]
    public async Task ListStaleAsync_StopsAtMax()
    {
        var inbox = Storage.ProcessedActivities();
        foreach (var i in Enumerable.Range(0, 12))
        {
            await inbox.TryAcceptAsync(Message($"a-{i}"), Lease, default);
        }

        Storage.Time.Advance(Lease + TimeSpan.FromSeconds(1));

        Assert.Equal(5, (await inbox.ListStaleAsync(5, default)).Count);
        Assert.Equal(12, (await inbox.ListStaleAsync(50, default)).Count);
    }

    [Fact]
    public async Task TryTakeOverAsync_TwoInstancesAtOnce_ExactlyOneWins_AndItHoldsANewLease()
    {
        var first = Storage.ProcessedActivities();
        var second = Storage.ProcessedActivities();
        await first.TryAcceptAsync(Message("1"), Lease, default);
        Storage.Time.Advance(Lease + TimeSpan.FromSeconds(1));
        var seenByFirst = Assert.Single(await first.ListStaleAsync(10, default));
        var seenBySecond = Assert.Single(await second.ListStaleAsync(10, default));

        var taken = await Task.WhenAll(first.TryTakeOverAsync(seenByFirst, Lease, default), second.TryTakeOverAsync(seenBySecond, Lease, default));

        var winner = Assert.Single(taken, t => t is not null)!;
        Assert.Equal(2, winner.Attempts);
        Assert.Empty(await first.ListStaleAsync(10, default));
        Storage.Time.Advance(Lease + TimeSpan.FromSeconds(1));
        Assert.Equal(2, Assert.Single(await first.ListStaleAsync(10, default)).Attempts);
    }

    [Fact]
    public async Task TryTakeOverAsync_CompletedMeanwhile_Null()
    {
        var inbox = Storage.ProcessedActivities();
        await inbox.TryClaimAsync((await inbox.TryAcceptAsync(Message("1"), Lease, default))!, default);
        Storage.Time.Advance(Lease + TimeSpan.FromSeconds(1));
        var stale = Assert.Single(await inbox.ListStaleAsync(10, default));

        await inbox.CompleteAsync("msteams", Conversation, "1", default);

        Assert.Null(await inbox.TryTakeOverAsync(stale, Lease, default));
        Assert.Empty(await InboxRowsAsync());
    }

    [Fact]
    public async Task TakenOver_KeptButNeverClaimed_ClaimedUnderItsOwnToken()
    {
        // The instance died after the acknowledgement, before its turn claimed the activity.
        var inbox = Storage.ProcessedActivities();
        await inbox.TryAcceptAsync(Message("1"), Lease, default);
        Storage.Time.Advance(Lease + TimeSpan.FromSeconds(1));

        var taken = (await inbox.TryTakeOverAsync(Assert.Single(await inbox.ListStaleAsync(10, default)), Lease, default))!;

        Assert.True(await inbox.TryClaimAsync(taken, default));
        Assert.Equal(taken.Delivery, Assert.Single(await ClaimsAsync()).GetString("Delivery"));
    }

    [Fact]
    public async Task TakenOver_KeptByALaterDeliveryOfAHandledActivity_NotClaimedAndDropped()
    {
        // A redelivery of an activity handled before was acknowledged, then its instance died before claiming it.
        var inbox = Storage.ProcessedActivities();
        var first = (await inbox.TryAcceptAsync(Message("1"), Lease, default))!;
        await inbox.TryClaimAsync(first, default);
        await inbox.CompleteAsync("msteams", Conversation, "1", default);
        await inbox.TryAcceptAsync(Message("1"), Lease, default);
        Storage.Time.Advance(Lease + TimeSpan.FromSeconds(1));

        var taken = (await inbox.TryTakeOverAsync(Assert.Single(await inbox.ListStaleAsync(10, default)), Lease, default))!;

        Assert.False(await inbox.TryClaimAsync(taken, default));
        Assert.Empty(await InboxRowsAsync());
        Assert.Equal(first.Delivery, Assert.Single(await ClaimsAsync()).GetString("Delivery"));
    }

    [Fact]
    public async Task AbandonAsync_KeepsTheActivityAside_NeverListedAgain()
    {
        var inbox = Storage.ProcessedActivities();
        await inbox.TryAcceptAsync(Message("1"), Lease, default);
        Storage.Time.Advance(Lease + TimeSpan.FromSeconds(1));
        var stale = Assert.Single(await inbox.ListStaleAsync(10, default));

        Assert.True(await inbox.AbandonAsync(stale, default));

        Storage.Time.Advance(Lease * 2);
        Assert.Empty(await inbox.ListStaleAsync(10, default));
        var kept = Assert.Single(await InboxRowsAsync());
        Assert.StartsWith("abandoned|", kept.RowKey, StringComparison.Ordinal);
        Assert.Equal(Message("1").Json, kept.GetString("Json0"));
        Assert.Equal(1, kept.GetInt32("Attempts"));
    }

    [Fact]
    public async Task AbandonAsync_TakenOverMeanwhile_FalseAndStillUnfinished()
    {
        var inbox = Storage.ProcessedActivities();
        await inbox.TryAcceptAsync(Message("1"), Lease, default);
        Storage.Time.Advance(Lease + TimeSpan.FromSeconds(1));
        var stale = Assert.Single(await inbox.ListStaleAsync(10, default));
        Assert.NotNull(await inbox.TryTakeOverAsync(stale, Lease, default));

        Assert.False(await inbox.AbandonAsync(stale, default));

        Assert.StartsWith("unfinished|", Assert.Single(await InboxRowsAsync()).RowKey, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a/b\\c#d?e")]
    [InlineData("19:abc@thread.tacv2;messageid=1700000000000")]
    public async Task Inbox_IdsWithKeyUnsafeCharacters_AcceptListTakeOverClaimComplete(string id)
    {
        var inbox = Storage.ProcessedActivities();
        var longConversation = new string('/', 512);

        Assert.NotNull(await inbox.TryAcceptAsync(Message(id, longConversation), Lease, default));
        Storage.Time.Advance(Lease + TimeSpan.FromSeconds(1));
        var stale = Assert.Single(await inbox.ListStaleAsync(10, default));
        Assert.Equal(id, stale.Activity.ActivityId);
        Assert.True(await inbox.TryClaimAsync((await inbox.TryTakeOverAsync(stale, Lease, default))!, default));
        await inbox.CompleteAsync("msteams", longConversation, id, default);

        Storage.Time.Advance(Lease * 2);
        Assert.Empty(await inbox.ListStaleAsync(10, default));
        Assert.Empty(await InboxRowsAsync());
    }

    [Fact]
    public async Task PurgeAsync_AfterTheRetention_RemovesClaimsAndActivitiesGivenUpOn()
    {
        var inbox = Storage.ProcessedActivities();
        await inbox.TryClaimAsync((await inbox.TryAcceptAsync(Message("1"), Lease, default))!, default);
        Storage.Time.Advance(Lease + TimeSpan.FromSeconds(1));
        await inbox.AbandonAsync(Assert.Single(await inbox.ListStaleAsync(10, default)), default);

        Storage.Time.Advance(TimeSpan.FromDays(8));
        await inbox.PurgeAsync(Storage.Time.GetUtcNow() - TimeSpan.FromDays(7), default);

        Assert.Empty(await ClaimsAsync());
        Assert.Empty(await InboxRowsAsync());
    }

    private Task<List<TableEntity>> ClaimsAsync() => TestStorage.RawRowsAsync(Storage.Tables.ProcessedActivities);

    private Task<List<TableEntity>> InboxRowsAsync() => TestStorage.RawRowsAsync(Storage.Tables.Inbox);
}
