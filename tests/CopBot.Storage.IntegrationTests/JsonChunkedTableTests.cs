using Azure.Data.Tables;
using CopBot.Storage.IntegrationTests.Infrastructure;
using CopBot.Testing;

namespace CopBot.Storage.IntegrationTests;

/// <summary>The JSON-record routine shared by the query, offer, synthesis, knowledge and modality stores.</summary>
[Collection(AzuriteFixture.Collection)]
public class JsonChunkedTableTests(AzuriteFixture azurite) : StorageTest(azurite)
{
    private const string Community = "cop/fire#1";
    private const string Id = "q-1/a#b?c";

    private JsonChunkedTable<Tally> Table(int maxChunks = 3) =>
        new(Storage.Tables.Syntheses, t => (t.Community, t.Id), (t, entity) => entity["Count"] = t.Count, maxChunks, Storage.Logger.For<JsonChunkedTableTests>(), "tally");

    [Fact]
    public async Task UpdateAsync_ConcurrentWritersOnOneRow_EveryChangeLandsOnceThroughRetries()
    {
        var table = Table();
        await table.AddOrGetAsync(new Tally(Community, Id, 0, ""), default);

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => table.UpdateAsync(Community, Id, t => t with { Count = t.Count + 1 }, null, default)));
        var read = await table.GetAsync(Community, Id, default);

        Assert.Equal(8, read!.Count);
        Assert.True(Storage.Logger.Count(3001) > 0, "some writer must have met a stale ETag and re-read");
    }

    [Fact]
    public async Task ReadModifyWriteAsync_ConcurrentCreatorsOfAMissingRow_OneAddsTheOthersReplace()
    {
        var table = Table();

        await Task.WhenAll(Enumerable.Range(0, 6).Select(_ =>
            table.ReadModifyWriteAsync(Community, Id, t => t is null ? new Tally(Community, Id, 1, "") : t with { Count = t.Count + 1 }, null, default)));

        Assert.Equal(6, (await table.GetAsync(Community, Id, default))!.Count);
    }

    [Fact]
    public async Task UpdateAsync_MissingRowOrNoChange_WritesNothing()
    {
        var table = Table();
        var writes = 0;
        await table.AddOrGetAsync(new Tally(Community, Id, 5, "kept"), default);
        var before = await Storage.Tables.Syntheses.GetEntityAsync<TableEntity>(KeyEncoder.Encode(Community), KeyEncoder.Encode(Id));

        var missing = await table.UpdateAsync(Community, "nope", t => t with { Count = 9 }, (_, _) => Task.FromResult(++writes), default);
        var unchanged = await table.UpdateAsync(Community, Id, _ => null, (_, _) => Task.FromResult(++writes), default);
        var after = await Storage.Tables.Syntheses.GetEntityAsync<TableEntity>(KeyEncoder.Encode(Community), KeyEncoder.Encode(Id));

        Assert.Null(missing);
        Assert.Null(await table.GetAsync(Community, "nope", default));
        Assert.Equal(new Tally(Community, Id, 5, "kept"), unchanged);
        Assert.Equal(before.Value.ETag, after.Value.ETag);
        Assert.Equal(0, writes);
    }

    [Fact]
    public async Task UpdateAsync_AfterWrite_RunsOnceWithTheStoredRecord()
    {
        var table = Table();
        var seen = new List<Tally>();
        await table.AddOrGetAsync(new Tally(Community, Id, 1, ""), default);

        var changed = await table.UpdateAsync(Community, Id, t => t with { Count = 2 }, (t, _) =>
        {
            seen.Add(t);
            return Task.CompletedTask;
        }, default);

        Assert.Equal([changed!], seen);
        Assert.Equal(2, changed!.Count);
    }

    [Fact]
    public async Task Rows_KeysEncodedJsonOverSeveralColumnsAndPlainColumnsBeside()
    {
        var table = Table();
        var note = new string('n', JsonColumn.MaxTextLength + 10);

        await table.AddOrGetAsync(new Tally(Community, Id, 3, note), default);
        var row = await Storage.Tables.Syntheses.GetEntityAsync<TableEntity>("cop%2Ffire%231", "q-1%2Fa%23b%3Fc");

        Assert.Equal(3, row.Value.GetInt32("Count"));
        Assert.NotNull(row.Value.GetString("Json1"));
        Assert.Equal(note, (await table.GetAsync(Community, Id, default))!.Note);
        Assert.Equal([new Tally(Community, Id, 3, note)], await table.ListAsync(Community, default));
    }

    [Fact]
    public async Task AddOrGetAsync_Redelivered_ReturnsTheStoredRecordUntouched()
    {
        var table = Table();

        var first = await table.AddOrGetAsync(new Tally(Community, Id, 1, "first"), default);
        var again = await table.AddOrGetAsync(new Tally(Community, Id, 2, "second"), default);

        Assert.True(first.Created);
        Assert.Equal((new Tally(Community, Id, 1, "first"), false), again);
    }

    [Fact]
    public async Task UpdateAsync_TooLargeForItsColumns_ClearErrorAndStoredRecordKept()
    {
        var table = Table(maxChunks: 1);
        await table.AddOrGetAsync(new Tally(Community, Id, 1, "small"), default);

        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            table.UpdateAsync(Community, Id, t => t with { Note = new string('x', JsonColumn.MaxTextLength) }, null, default));

        Assert.Contains("too large", error.Message, StringComparison.Ordinal);
        Assert.Equal("small", (await table.GetAsync(Community, Id, default))!.Note);
    }

    internal sealed record Tally(string Community, string Id, int Count, string Note);
}
