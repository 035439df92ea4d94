using Azure.Data.Tables;
using CopBot.Community;
using CopBot.Storage.IntegrationTests.Infrastructure;
using CopBot.Testing;

namespace CopBot.Storage.IntegrationTests.Idempotency;

/// <summary>
/// The operator's side of the inbox on Azurite: activities given up on are listed with what was received, and a
/// requeued one is unfinished again (attempts from zero, stale at once, same delivery) exactly once.
/// </summary>
[Collection(AzuriteFixture.Collection)]
public class AbandonedActivitiesTests(AzuriteFixture azurite) : StorageTest(azurite)
{
    private static readonly TimeSpan Lease = ActivityInboxTests.Lease;

    private static InboundActivity Message(string id) => ActivityInboxTests.Message(id);

    /// <summary>Accepts the activity, lets its lease run out and gives up on it, as the recovery sweep does.</summary>
    private async Task AcceptedThenAbandonedAsync(TableProcessedActivityStore inbox, string id)
    {
        await inbox.TryAcceptAsync(Message(id), Lease, default);
        Storage.Time.Advance(Lease + TimeSpan.FromSeconds(1));
        Assert.True(await inbox.AbandonAsync(Assert.Single(await inbox.ListStaleAsync(10, default)), default));
    }

    [Fact]
    public async Task ListAbandonedAsync_ActivitiesGivenUpOn_OldestFirst_AsReceived_UnfinishedOnesLeftOut()
    {
        var inbox = Storage.ProcessedActivities();
        await inbox.TryAcceptAsync(Message("first"), Lease, default);
        Storage.Time.Advance(TimeSpan.FromSeconds(5));
        await inbox.TryAcceptAsync(Message("second"), Lease, default);
        Storage.Time.Advance(Lease + TimeSpan.FromSeconds(1));
        foreach (var stale in (await inbox.ListStaleAsync(10, default)).Reverse())
        {
            Assert.True(await inbox.AbandonAsync(stale, default));
        }

        await inbox.TryAcceptAsync(Message("still-running"), Lease, default);

        var abandoned = await inbox.ListAbandonedAsync(default);

        Assert.Equal(["first", "second"], abandoned.Select(a => a.Unfinished.Activity.ActivityId));
        Assert.Equal(Message("first").Json, abandoned[0].Unfinished.Activity.Json);
        Assert.Equal(1, abandoned[0].Unfinished.Attempts);
        Assert.Equal(Storage.Time.GetUtcNow(), abandoned[0].AbandonedAt);
    }

    [Fact]
    public async Task TryRequeueAsync_Abandoned_UnfinishedAgain_StaleAtOnce_AttemptsFromZero_ClaimedForTheSameDelivery()
    {
        var inbox = Storage.ProcessedActivities();
        var accepted = (await inbox.TryAcceptAsync(Message("1"), Lease, default))!;
        Assert.True(await inbox.TryClaimAsync(accepted, default));
        Storage.Time.Advance(Lease + TimeSpan.FromSeconds(1));
        Assert.True(await inbox.AbandonAsync(Assert.Single(await inbox.ListStaleAsync(10, default)), default));

        Assert.True(await inbox.TryRequeueAsync(Assert.Single(await inbox.ListAbandonedAsync(default)), default));

        Assert.Empty(await inbox.ListAbandonedAsync(default));
        Storage.Time.Advance(TimeSpan.FromMilliseconds(1));
        var stale = Assert.Single(await inbox.ListStaleAsync(10, default));
        Assert.Equal(0, stale.Attempts);
        Assert.Equal(accepted.Delivery, stale.Delivery);
        Assert.Equal(accepted.ReceivedAt, stale.ReceivedAt);
        var taken = (await inbox.TryTakeOverAsync(stale, Lease, default))!;
        Assert.Equal(1, taken.Attempts);
        // The claim made before it was given up is its own: the turn runs.
        Assert.True(await inbox.TryClaimAsync(taken, default));
    }

    [Fact]
    public async Task TryRequeueAsync_Twice_SecondFalse_OneUnfinishedCopy()
    {
        var inbox = Storage.ProcessedActivities();
        await AcceptedThenAbandonedAsync(inbox, "1");
        var abandoned = Assert.Single(await inbox.ListAbandonedAsync(default));

        Assert.True(await inbox.TryRequeueAsync(abandoned, default));
        Assert.False(await inbox.TryRequeueAsync(abandoned, default));

        var row = Assert.Single(await InboxRowsAsync());
        Assert.StartsWith("unfinished|", row.RowKey, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TryRequeueAsync_ALaterDeliveryUnfinished_FalseAndStillAbandoned()
    {
        var inbox = Storage.ProcessedActivities();
        await AcceptedThenAbandonedAsync(inbox, "1");
        var redelivered = (await inbox.TryAcceptAsync(Message("1"), Lease, default))!;

        Assert.False(await inbox.TryRequeueAsync(Assert.Single(await inbox.ListAbandonedAsync(default)), default));

        Assert.Single(await inbox.ListAbandonedAsync(default));
        var unfinished = Assert.Single(await InboxRowsAsync(), r => r.RowKey.StartsWith("unfinished|", StringComparison.Ordinal));
        Assert.Equal(redelivered.Delivery, unfinished.GetString("Delivery"));
    }

    private Task<List<TableEntity>> InboxRowsAsync() => TestStorage.RawRowsAsync(Storage.Tables.Inbox);
}
