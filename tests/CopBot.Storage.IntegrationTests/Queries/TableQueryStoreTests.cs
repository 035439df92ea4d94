using CopBot.Community;
using CopBot.Storage.IntegrationTests.Infrastructure;
using CopBot.Testing;

namespace CopBot.Storage.IntegrationTests.Queries;

[Collection(AzuriteFixture.Collection)]
public class TableQueryStoreTests(AzuriteFixture azurite) : StorageTest(azurite)
{
    private static readonly DateTimeOffset Asked = new(2025, 3, 3, 9, 0, 0, TimeSpan.Zero);

    private static QueryRequest Query(string id = "q-0123456789abcdef") => new(
        "default",
        id,
        "How do we target cash transfers to informal workers?",
        ["cash-transfers"],
        new QueryPlace("msteams", "https://smba.trafficmanager.net/emea/", "19:abc@thread.tacv2;messageid=1741684467331", "tenant-1", "28:bot", "CopBot", "1741684467331"),
        "29:1asker",
        "Ada Lovelace",
        Asked,
        [
            new ExpertAssignment("29:1amara", "Amara", 5.2, ["knows #cash-transfers (level 5)"]) { State = AssignmentState.Asked },
            new ExpertAssignment("b7e4d2c1-5a6f-4e3d-8c2b-1a0f9e8d7c6b", "Tomás", 4.1, ["works on social registry (level 5)"]) { State = AssignmentState.Asked },
            new ExpertAssignment("emp-00412", "Leila", 2.0, []),
        ]);

    [Fact]
    public async Task CreateAsync_NewQuery_RoundTripsEveryField()
    {
        var store = Storage.Queries();
        var query = Query() with { AckActivityId = "ack-1" };

        var (_, created) = await store.CreateAsync(query, default);
        var read = await store.GetAsync("default", query.Id, default);

        Assert.True(created);
        Assert.NotNull(read);
        Assert.Equal(query.Question, read.Question);
        Assert.Equal(query.Tags, read.Tags);
        Assert.Equal(query.Place, read.Place);
        Assert.Equal("ack-1", read.AckActivityId);
        Assert.Equal(query.Experts.Select(e => (e.ExpertId, e.State, e.Why.Count)), read.Experts.Select(e => (e.ExpertId, e.State, e.Why.Count)));
    }

    [Fact]
    public async Task CreateAsync_SameIdTwice_KeepsTheFirstAndSaysSo()
    {
        var store = Storage.Queries();
        await store.CreateAsync(Query(), default);

        var (stored, created) = await store.CreateAsync(Query() with { Question = "a different question" }, default);

        Assert.False(created);
        Assert.Equal(Query().Question, stored.Question);
    }

    [Fact]
    public async Task UpdateAsync_TwoExpertsAnswerAtOnce_BothAnswersLand()
    {
        var store = Storage.Queries();
        var query = Query();
        await store.CreateAsync(query, default);

        Task Answer(string expertId, string text) => store.UpdateAsync("default", query.Id,
            q => q.With(q.Find(expertId, null)! with { State = AssignmentState.Answered, Answer = text }), default);
        await Task.WhenAll(Enumerable.Range(0, 5).Select(i => i % 2 == 0 ? Answer("29:1amara", "from Amara") : Answer("b7e4d2c1-5a6f-4e3d-8c2b-1a0f9e8d7c6b", "from Tomás")));

        var read = (await store.GetAsync("default", query.Id, default))!;
        Assert.Equal("from Amara", read.Find("29:1amara", null)!.Answer);
        Assert.Equal("from Tomás", read.Find(null, "b7e4d2c1-5a6f-4e3d-8c2b-1a0f9e8d7c6b")!.Answer);
    }

    [Fact]
    public async Task ListOpenAsync_CreatedThenClosed_ListedOnlyWhileOpen()
    {
        var store = Storage.Queries();
        await store.CreateAsync(Query("q-open-1"), default);
        await store.CreateAsync(Query("q-open-2"), default);

        var open = await store.ListOpenAsync("default", default);
        await store.UpdateAsync("default", "q-open-1", q => q with { Status = QueryStatus.Closed }, default);

        Assert.Equal(["q-open-1", "q-open-2"], open.Order());
        Assert.Equal(["q-open-2"], await store.ListOpenAsync("default", default));
        Assert.Empty(await store.ListOpenAsync("another-community", default));
    }

    [Fact]
    public async Task UpdateAsync_ChangeReturnsNull_LeavesTheRowAlone()
    {
        var store = Storage.Queries();
        await store.CreateAsync(Query(), default);

        var result = await store.UpdateAsync("default", Query().Id, _ => null, default);

        Assert.Equal(QueryStatus.Open, result!.Status);
        Assert.Null(await store.UpdateAsync("default", "q-missing", q => q with { Status = QueryStatus.Closed }, default));
    }

    [Fact]
    public async Task UpdateAsync_AnswersLargerThanOneProperty_StoredAcrossColumnsAndReadBack()
    {
        var store = Storage.Queries();
        await store.CreateAsync(Query(), default);
        var longAnswer = string.Concat(Enumerable.Repeat("Cash transfers need a registry. ", 1300));

        await store.UpdateAsync("default", Query().Id, q => q.With(q.Find("29:1amara", null)! with { Answer = longAnswer }), default);

        Assert.True(longAnswer.Length > 32 * 1024);
        Assert.Equal(longAnswer, (await store.GetAsync("default", Query().Id, default))!.Find("29:1amara", null)!.Answer);
    }

    [Fact]
    public async Task CreateAsync_HostileIds_NeverReachTheKeysRaw()
    {
        var store = Storage.Queries();
        var query = Query("q/../#?\\\u0001") with { Community = "team/#1" };

        await store.CreateAsync(query, default);

        Assert.NotNull(await store.GetAsync("team/#1", "q/../#?\\\u0001", default));
        var row = Assert.Single(await TestStorage.RawRowsAsync(Storage.Tables.Queries));
        Assert.DoesNotContain('/', row.RowKey);
        Assert.DoesNotContain('#', row.PartitionKey);
    }
}
