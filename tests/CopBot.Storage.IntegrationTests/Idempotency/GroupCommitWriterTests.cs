using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using CopBot.Testing;

namespace CopBot.Storage.IntegrationTests.Idempotency;

/// <summary>The group commit (inserts and deletes) against Azurite, with the requests counted at the HTTP pipeline.</summary>
[Collection(AzuriteFixture.Collection)]
public sealed class GroupCommitWriterTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly RequestCounter _requests = new();
    private TableClient _table = null!;

    public async Task InitializeAsync()
    {
        var options = new TableClientOptions();
        options.AddPolicy(_requests, HttpPipelinePosition.PerCall);
        _table = new TableServiceClient(azurite.ConnectionString, options).GetTableClient("G" + Guid.NewGuid().ToString("N")[..12]);
        await _table.CreateAsync();
        _requests.Reset();
    }

    public async Task DisposeAsync() => await _table.DeleteAsync();

    [Fact]
    public async Task TryInsertAsync_ManyConcurrentInserts_AllLandInFarFewerRequests()
    {
        var inserter = new GroupCommitWriter(_table);

        var results = await Task.WhenAll(Enumerable.Range(0, 400).Select(i => inserter.TryInsertAsync(new TableEntity("p", $"row-{i}"))));

        Assert.All(results, Assert.True);
        Assert.Equal(400, _table.Query<TableEntity>().Count());
        Assert.InRange(_requests.Count, 4, 200);
    }

    [Fact]
    public async Task TryInsertAsync_LoneInsert_IsOnePlainRequest()
    {
        var inserter = new GroupCommitWriter(_table);

        Assert.True(await inserter.TryInsertAsync(new TableEntity("p", "alone")));
        Assert.False(await inserter.TryInsertAsync(new TableEntity("p", "alone")));

        Assert.Equal(2, _requests.Count);
    }

    [Fact]
    public async Task TryInsertAsync_ExistingRowsInsideABatch_OnlyTheyLose()
    {
        var inserter = new GroupCommitWriter(_table);
        foreach (var i in new[] { 3, 50, 99 })
        {
            await _table.AddEntityAsync(new TableEntity("p", $"row-{i}"));
        }

        var results = await Task.WhenAll(Enumerable.Range(0, 100).Select(i => inserter.TryInsertAsync(new TableEntity("p", $"row-{i}"))));

        Assert.Equal([3, 50, 99], Enumerable.Range(0, 100).Where(i => !results[i]));
        Assert.Equal(100, _table.Query<TableEntity>().Count());
    }

    [Fact]
    public async Task TryInsertAsync_StorageFails_EveryWaitingCallerSeesTheError()
    {
        var inserter = new GroupCommitWriter(_table);
        await _table.DeleteAsync();

        var attempts = Enumerable.Range(0, 10).Select(i => inserter.TryInsertAsync(new TableEntity("p", $"row-{i}"))).ToList();

        foreach (var attempt in attempts)
        {
            await Assert.ThrowsAnyAsync<Azure.RequestFailedException>(() => attempt);
        }

        await _table.CreateAsync();
    }

    [Fact]
    public async Task TryInsertAsync_LargeRows_SplitSoEachTransactionStaysUnderTheBodyLimit()
    {
        // 20 rows of 60,000 characters: about 4.8 MB as one transaction, past the service's 4 MiB.
        var writer = new GroupCommitWriter(_table);
        var text = new string('é', 30_000);

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => writer.TryInsertAsync(new TableEntity("p", $"large-{i}") { ["A"] = text, ["B"] = text })));

        Assert.All(results, Assert.True);
        Assert.Equal(20, _table.Query<TableEntity>().Count());
        Assert.InRange(_requests.LargestBody, 1, 4 * 1024 * 1024);
    }

    [Fact]
    public async Task DeleteAsync_ManyConcurrentDeletes_SomeAlreadyGone_FewerRequestsAndExactResults()
    {
        var writer = new GroupCommitWriter(_table);
        foreach (var i in Enumerable.Range(0, 200).Where(i => i % 10 != 0))
        {
            await writer.TryInsertAsync(new TableEntity("p", $"row-{i}"));
        }

        _requests.Reset();
        var results = await Task.WhenAll(Enumerable.Range(0, 200).Select(i => writer.DeleteAsync("p", $"row-{i}")));

        Assert.Equal(Enumerable.Range(0, 200).Where(i => i % 10 == 0), Enumerable.Range(0, 200).Where(i => !results[i]));
        Assert.Empty(_table.Query<TableEntity>());
        Assert.InRange(_requests.Count, 2, 100);
    }

    [Fact]
    public async Task InsertsAndDeletesOfOnePartition_ShareTransactions()
    {
        var writer = new GroupCommitWriter(_table);
        foreach (var i in Enumerable.Range(0, 50))
        {
            await _table.AddEntityAsync(new TableEntity("p", $"old-{i}"));
        }

        _requests.Reset();
        var deletes = Enumerable.Range(0, 50).Select(i => writer.DeleteAsync("p", $"old-{i}"));
        var inserts = Enumerable.Range(0, 50).Select(i => writer.TryInsertAsync(new TableEntity("p", $"new-{i}")));
        var results = await Task.WhenAll(deletes.Concat(inserts));

        Assert.All(results, Assert.True);
        Assert.All(_table.Query<TableEntity>(), r => Assert.StartsWith("new-", r.RowKey, StringComparison.Ordinal));
        Assert.Equal(50, _table.Query<TableEntity>().Count());
        Assert.InRange(_requests.Count, 2, 50);
    }

    [Fact]
    public async Task DeleteAsync_WithALinger_RidesInTheNextInsertsTransaction()
    {
        await _table.AddEntityAsync(new TableEntity("p", "finished"));
        var writer = new GroupCommitWriter(_table, deleteLinger: TimeSpan.FromSeconds(30));
        _requests.Reset();

        var delete = writer.DeleteAsync("p", "finished");
        await Task.Delay(100);
        Assert.False(delete.IsCompleted, "the delete went out alone instead of waiting for company");
        var inserts = Enumerable.Range(0, 5).Select(i => writer.TryInsertAsync(new TableEntity("p", $"new-{i}"))).ToList();

        Assert.True(await delete.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.All(await Task.WhenAll(inserts), Assert.True);
        Assert.DoesNotContain(_table.Query<TableEntity>(), r => r.RowKey == "finished");
        Assert.InRange(_requests.Count, 1, 3);
    }

    [Fact]
    public async Task DeleteAsync_WithALinger_AloneGoesOutWhenTheLingerEnds()
    {
        await _table.AddEntityAsync(new TableEntity("p", "finished"));
        var writer = new GroupCommitWriter(_table, deleteLinger: TimeSpan.FromMilliseconds(200));
        var waited = System.Diagnostics.Stopwatch.StartNew();

        Assert.True(await writer.DeleteAsync("p", "finished").WaitAsync(TimeSpan.FromSeconds(10)));

        Assert.InRange(waited.Elapsed, TimeSpan.FromMilliseconds(190), TimeSpan.FromSeconds(10));
        Assert.Empty(_table.Query<TableEntity>());
        Assert.False(await writer.DeleteAsync("p", "finished").WaitAsync(TimeSpan.FromSeconds(10)));
    }

    private sealed class RequestCounter : HttpPipelineSynchronousPolicy
    {
        private int _count;
        private long _largestBody;

        public int Count => Volatile.Read(ref _count);

        /// <summary>The longest request body sent so far, in bytes.</summary>
        public long LargestBody => Interlocked.Read(ref _largestBody);

        public void Reset() => Volatile.Write(ref _count, 0);

        public override void OnSendingRequest(HttpMessage message)
        {
            Interlocked.Increment(ref _count);
            if (message.Request.Content?.TryComputeLength(out var length) == true)
            {
                long seen;
                while (length > (seen = Interlocked.Read(ref _largestBody)) && Interlocked.CompareExchange(ref _largestBody, length, seen) != seen)
                {
                }
            }
        }
    }
}
