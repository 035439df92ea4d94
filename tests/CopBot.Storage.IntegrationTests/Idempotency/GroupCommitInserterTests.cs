using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using CopBot.Testing;

namespace CopBot.Storage.IntegrationTests.Idempotency;

/// <summary>The group commit against Azurite, with the requests counted at the HTTP pipeline.</summary>
[Collection(AzuriteFixture.Collection)]
public sealed class GroupCommitInserterTests(AzuriteFixture azurite) : IAsyncLifetime
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
        var inserter = new GroupCommitInserter(_table);

        var results = await Task.WhenAll(Enumerable.Range(0, 400).Select(i => inserter.TryInsertAsync(new TableEntity("p", $"row-{i}"))));

        Assert.All(results, Assert.True);
        Assert.Equal(400, _table.Query<TableEntity>().Count());
        Assert.InRange(_requests.Count, 4, 200);
    }

    [Fact]
    public async Task TryInsertAsync_LoneInsert_IsOnePlainRequest()
    {
        var inserter = new GroupCommitInserter(_table);

        Assert.True(await inserter.TryInsertAsync(new TableEntity("p", "alone")));
        Assert.False(await inserter.TryInsertAsync(new TableEntity("p", "alone")));

        Assert.Equal(2, _requests.Count);
    }

    [Fact]
    public async Task TryInsertAsync_ExistingRowsInsideABatch_OnlyTheyLose()
    {
        var inserter = new GroupCommitInserter(_table);
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
        var inserter = new GroupCommitInserter(_table);
        await _table.DeleteAsync();

        var attempts = Enumerable.Range(0, 10).Select(i => inserter.TryInsertAsync(new TableEntity("p", $"row-{i}"))).ToList();

        foreach (var attempt in attempts)
        {
            await Assert.ThrowsAnyAsync<Azure.RequestFailedException>(() => attempt);
        }

        await _table.CreateAsync();
    }

    private sealed class RequestCounter : HttpPipelineSynchronousPolicy
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public void Reset() => Volatile.Write(ref _count, 0);

        public override void OnSendingRequest(HttpMessage message) => Interlocked.Increment(ref _count);
    }
}
