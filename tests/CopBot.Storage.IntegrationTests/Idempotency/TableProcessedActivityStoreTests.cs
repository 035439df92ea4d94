using Azure.Data.Tables;
using CopBot.Storage.IntegrationTests.Infrastructure;
using CopBot.Testing;

namespace CopBot.Storage.IntegrationTests.Idempotency;

[Collection(AzuriteFixture.Collection)]
public class TableProcessedActivityStoreTests(AzuriteFixture azurite) : StorageTest(azurite)
{
    private const string Conversation = "a:1personalConversation";

    [Fact]
    public async Task TryBeginAsync_FirstThenRedelivered_TrueThenFalse()
    {
        var store = Storage.ProcessedActivities();

        Assert.True(await store.TryBeginAsync("msteams", Conversation, "1700000000001", default));
        Assert.False(await store.TryBeginAsync("msteams", Conversation, "1700000000001", default));
    }

    [Fact]
    public async Task TryBeginAsync_SameActivityIdElsewhere_IsIndependent()
    {
        var store = Storage.ProcessedActivities();
        await store.TryBeginAsync("msteams", Conversation, "1", default);

        Assert.True(await store.TryBeginAsync("msteams", "a:1otherConversation", "1", default));
        Assert.True(await store.TryBeginAsync("webchat", Conversation, "1", default));
    }

    [Fact]
    public async Task ForgetAsync_AfterAFailedTurn_LetsTheRedeliveryBegin()
    {
        var store = Storage.ProcessedActivities();
        await store.TryBeginAsync("msteams", Conversation, "1", default);

        await store.ForgetAsync("msteams", Conversation, "1", default);

        Assert.True(await store.TryBeginAsync("msteams", Conversation, "1", default));
    }

    [Fact]
    public async Task ForgetAsync_UnknownActivity_DoesNothing()
    {
        var store = Storage.ProcessedActivities();

        await store.ForgetAsync("msteams", Conversation, "never-seen", default);

        Assert.Empty(await TestStorage.RawRowsAsync(Storage.Tables.ProcessedActivities));
    }

    [Fact]
    public async Task TryBeginAsync_TenConcurrentDeliveries_ExactlyOneBegins()
    {
        var store = Storage.ProcessedActivities();

        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ =>
            Task.Run(() => store.TryBeginAsync("msteams", Conversation, "1700000000002", default))));

        Assert.Single(results, began => began);
    }

    [Fact]
    public async Task TryBeginAsync_NewActivity_RecordsWhenItArrived_AndNothingElse()
    {
        await Storage.ProcessedActivities().TryBeginAsync("msteams", Conversation, "1", default);

        var row = Assert.Single(await TestStorage.RawRowsAsync(Storage.Tables.ProcessedActivities));
        Assert.Equal(TableRowPurge.SortableUtc(Storage.Time.GetUtcNow()), row.GetString("ReceivedUtc"));
        // Every message writes a claim: the ids live in the key's hash, not in columns.
        Assert.Equal(["ReceivedUtc"], row.Keys.Where(column => !column.StartsWith("odata.", StringComparison.Ordinal)).Except(["PartitionKey", "RowKey", "Timestamp"]));
    }

    [Fact]
    public async Task TryBeginAsync_ManyConcurrentDeliveriesWithRedeliveries_EachActivityBeginsExactlyOnce()
    {
        // 300 distinct activities, each delivered three times at once: claims are group-committed in transactions,
        // and the duplicates (in the same transaction or a later one) must all lose.
        var store = Storage.ProcessedActivities();
        var deliveries = Enumerable.Range(0, 300).SelectMany(i => Enumerable.Repeat($"activity-{i}", 3)).ToList();

        var results = await Task.WhenAll(deliveries.Select(id =>
            Task.Run(async () => (id, began: await store.TryBeginAsync("msteams", $"a:conversation-{id.GetHashCode(StringComparison.Ordinal) % 7}", id, default)))));

        Assert.All(results.GroupBy(r => r.id), g => Assert.Single(g, r => r.began));
        Assert.Equal(300, (await TestStorage.RawRowsAsync(Storage.Tables.ProcessedActivities)).Count);
    }

    [Fact]
    public async Task TryBeginAsync_BatchHoldingAnAlreadyClaimedActivity_OthersStillBegin()
    {
        var store = Storage.ProcessedActivities();
        var claimedBefore = Enumerable.Range(0, 20).Where(i => i % 3 == 0).Select(i => $"activity-{i}").ToList();
        foreach (var id in claimedBefore)
        {
            Assert.True(await store.TryBeginAsync("msteams", Conversation, id, default));
        }

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => $"activity-{i}").Select(id =>
            Task.Run(async () => (id, began: await store.TryBeginAsync("msteams", Conversation, id, default)))));

        Assert.All(results, r => Assert.Equal(!claimedBefore.Contains(r.id), r.began));
    }

    [Fact]
    public async Task TryBeginAsync_IdsOfTheLongestAcceptedLength_FitTheKeyLimit()
    {
        var store = Storage.ProcessedActivities();
        var longId = new string('/', 512);

        Assert.True(await store.TryBeginAsync("msteams", longId, longId, default));
        Assert.False(await store.TryBeginAsync("msteams", longId, longId, default));
        await store.ForgetAsync("msteams", longId, longId, default);
        Assert.True(await store.TryBeginAsync("msteams", longId, longId, default));
    }

    [Fact]
    public async Task PurgeAsync_DeletesOnlyRecordsReceivedBeforeTheCutoff_AndThoseActivitiesCanBeginAgain()
    {
        var store = Storage.ProcessedActivities();
        // 250 old records: more than two transactions' worth.
        foreach (var i in Enumerable.Range(0, 250))
        {
            Assert.True(await store.TryBeginAsync("msteams", Conversation, $"old-{i}", default));
        }

        Storage.Time.Advance(TimeSpan.FromDays(8));
        Assert.True(await store.TryBeginAsync("msteams", Conversation, "recent", default));

        var deleted = await store.PurgeAsync(Storage.Time.GetUtcNow() - TimeSpan.FromDays(7), default);

        Assert.Equal(250, deleted);
        Assert.Single(await TestStorage.RawRowsAsync(Storage.Tables.ProcessedActivities));
        Assert.False(await store.TryBeginAsync("msteams", Conversation, "recent", default));
        Assert.True(await store.TryBeginAsync("msteams", Conversation, "old-7", default));
    }

    [Fact]
    public async Task PurgeAsync_TwoInstancesAtOnce_EachRecordDeletedOnceAndNothingFails()
    {
        var first = Storage.ProcessedActivities();
        var second = Storage.ProcessedActivities();
        foreach (var i in Enumerable.Range(0, 120))
        {
            await first.TryBeginAsync("msteams", Conversation, $"a-{i}", default);
        }

        Storage.Time.Advance(TimeSpan.FromDays(8));
        var cutoff = Storage.Time.GetUtcNow() - TimeSpan.FromDays(7);

        var counts = await Task.WhenAll(first.PurgeAsync(cutoff, default), second.PurgeAsync(cutoff, default));

        Assert.InRange(counts.Sum(), 120, 240);
        Assert.Empty(await TestStorage.RawRowsAsync(Storage.Tables.ProcessedActivities));
    }

    [Fact]
    public async Task PurgeAsync_NothingOld_DeletesNothing()
    {
        var store = Storage.ProcessedActivities();
        await store.TryBeginAsync("msteams", Conversation, "1", default);

        Assert.Equal(0, await store.PurgeAsync(Storage.Time.GetUtcNow() - TimeSpan.FromDays(7), default));
        Assert.False(await store.TryBeginAsync("msteams", Conversation, "1", default));
    }

    [Fact]
    public async Task PurgeAsync_ClaimsInTheFormerFourPartitions_AreDeletedToo()
    {
        // Claims were once spread over claims-0 to claims-3; rows written then must not outlive the retention.
        var store = Storage.ProcessedActivities();
        var receivedUtc = TableRowPurge.SortableUtc(Storage.Time.GetUtcNow());
        foreach (var partition in new[] { "claims-1", "claims-3" })
        {
            await Storage.Tables.ProcessedActivities.AddEntityAsync(new TableEntity(partition, "old") { ["ReceivedUtc"] = receivedUtc });
        }

        await store.TryBeginAsync("msteams", Conversation, "1", default);
        Storage.Time.Advance(TimeSpan.FromDays(8));

        Assert.Equal(3, await store.PurgeAsync(Storage.Time.GetUtcNow() - TimeSpan.FromDays(7), default));
        Assert.Empty(await TestStorage.RawRowsAsync(Storage.Tables.ProcessedActivities));
    }
}
