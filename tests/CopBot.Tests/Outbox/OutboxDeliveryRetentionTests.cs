using Azure.Data.Tables;
using CopBot.Features.Query;
using CopBot.Features.Requests;
using CopBot.Outbox;
using CopBot.Storage;
using CopBot.Testing;
using CopBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CopBot.Tests.Outbox;

/// <summary>
/// The outbox's send records (<c>{prefix}OutboxDeliveries</c>) are purged after the retention on Azurite: only keys
/// recorded as sent (the outbox's and the redraws' <c>thread.shown</c> claims), never a claim still being sent, two
/// purges at once harmlessly, and through the host's own periodic pass.
/// </summary>
[Collection(AzuriteFixture.Collection)]
public sealed class OutboxDeliveryRetentionTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Retention = TimeSpan.FromDays(30);
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    private async Task<(OutboxDeliveries Deliveries, TableClient Table)> CreateAsync()
    {
        var prefix = "T" + Guid.NewGuid().ToString("N")[..12];
        var deliveries = new OutboxDeliveries(new TableServiceClient(azurite.ConnectionString), new TableStorageOptions { TablePrefix = prefix });
        await deliveries.EnsureCreatedAsync(CancellationToken.None);
        return (deliveries, new TableClient(azurite.ConnectionString, prefix + "OutboxDeliveries"));
    }

    private static async Task SendAsync(OutboxDeliveries deliveries, string key, DateTimeOffset at)
    {
        var claim = await deliveries.ClaimAsync(key, "worker-a", at, Lease, CancellationToken.None);
        Assert.Equal(DeliveryState.Claimed, claim.State);
        await deliveries.RecordSentAsync(key, "outcome", "worker-a", at, CancellationToken.None);
    }

    private static async Task<List<string>> KeysAsync(TableClient table)
    {
        var keys = new List<string>();
        await foreach (var row in table.QueryAsync<TableEntity>(select: ["PartitionKey"]))
        {
            keys.Add(KeyEncoder.Decode(row.PartitionKey));
        }

        return keys;
    }

    [Fact]
    public async Task PurgeAsync_OldSentRowsDeleted_RecentRowsAndClaimsBeingSentKept()
    {
        var (deliveries, table) = await CreateAsync();
        var old = Enumerable.Range(0, 30).Select(i => OutboxMessage.KeyOf("q-old", $"29:expert/{i}", "query.ask")).ToList();
        foreach (var key in old)
        {
            await SendAsync(deliveries, key, Start);
        }

        await SendAsync(deliveries, "thread.shown|1741684467331|0A1B2C3D4E5F6A7B", Start);
        // A claim of the same age whose worker died sending it (its message may still come back): kept.
        await deliveries.ClaimAsync("query.ask|q-old|29:dead-worker", "worker-b", Start, Lease, CancellationToken.None);
        var now = Start + Retention + TimeSpan.FromDays(1);
        await SendAsync(deliveries, "query.ask|q-recent|29:expert", now - TimeSpan.FromDays(29));
        await deliveries.ClaimAsync("query.ask|q-live|29:expert", "worker-c", now, Lease, CancellationToken.None);

        var deleted = await deliveries.PurgeAsync(now - Retention, CancellationToken.None);

        Assert.Equal(31, deleted);
        Assert.Equal(["query.ask|q-live|29:expert", "query.ask|q-old|29:dead-worker", "query.ask|q-recent|29:expert"], (await KeysAsync(table)).Order(StringComparer.Ordinal));
        // The live claim is still a claim: another worker finds it busy, not free.
        Assert.Equal(DeliveryState.Busy, (await deliveries.ClaimAsync("query.ask|q-live|29:expert", "worker-d", now, Lease, CancellationToken.None)).State);
        Assert.Equal(DeliveryState.Sent, (await deliveries.ClaimAsync("query.ask|q-recent|29:expert", "worker-d", now, Lease, CancellationToken.None)).State);
        // Past the retention a key is unknown again: the documented price of a duplicate queued that long.
        Assert.Equal(DeliveryState.Claimed, (await deliveries.ClaimAsync(old[0], "worker-d", now, Lease, CancellationToken.None)).State);
        Assert.Equal(0, await deliveries.PurgeAsync(now - Retention, CancellationToken.None));
    }

    [Fact]
    public async Task PurgeAsync_TwoInstancesAtOnce_EachRowDeletedOnceAndNothingFails()
    {
        var (first, table) = await CreateAsync();
        var second = new OutboxDeliveries(new TableServiceClient(azurite.ConnectionString), new TableStorageOptions { TablePrefix = table.Name[..^"OutboxDeliveries".Length] });
        await Task.WhenAll(Enumerable.Range(0, 60).Select(i => SendAsync(first, $"discuss.invite|d-{i}|29:member", Start)));
        var cutoff = Start + TimeSpan.FromDays(1);

        var counts = await Task.WhenAll(first.PurgeAsync(cutoff, CancellationToken.None), second.PurgeAsync(cutoff, CancellationToken.None), first.PurgeAsync(cutoff, CancellationToken.None));

        Assert.Equal(60, counts.Sum());
        Assert.Empty(await KeysAsync(table));
    }

    [Fact]
    public async Task Retention_AfterThirtyDays_TheHostsPurgeRemovesOldSendRecordsOnly()
    {
        var clock = new FakeTimeProvider(Start);
        await using var bot = await BotHarness.StartAsync(azurite, authenticated: false, configureServices: s => s.AddSingleton<TimeProvider>(clock));
        var outbox = bot.Services.GetRequiredService<IOutbox>();
        // Redraws of requests that do not exist: each is handled (nothing to draw) and recorded as sent.
        await outbox.EnqueueAsync([ThreadCardRedraw.Message(QueryThread.Modality, "default", "q-old-1", "v1"), ThreadCardRedraw.Message(QueryThread.Modality, "default", "q-old-2", "v1")], CancellationToken.None);
        await bot.DrainOutboxAsync();
        Assert.Equal(2, await bot.CountAsync("OutboxDeliveries"));

        clock.Advance(TimeSpan.FromDays(31)); // the hosted purge's first pass falls due
        await outbox.EnqueueAsync([ThreadCardRedraw.Message(QueryThread.Modality, "default", "q-recent", "v1")], CancellationToken.None);
        await bot.DrainOutboxAsync();

        var deliveries = bot.Services.GetRequiredService<OutboxDeliveries>();
        Assert.True(await Eventually.TrueAsync(async () => !(await deliveries.SentAsync(CancellationToken.None)).Keys.Any(k => k.Contains("q-old", StringComparison.Ordinal))),
            "the old send records were not purged");
        // What was sent within the retention stays (the redraw, and the digest the clock's jump made due).
        Assert.Contains((await deliveries.SentAsync(CancellationToken.None)).Keys, k => k.Contains("q-recent", StringComparison.Ordinal));
        Assert.Equal(0, await bot.Services.GetRequiredService<OutboxDeliveryRetention>().RunOnceAsync(CancellationToken.None));
    }
}
