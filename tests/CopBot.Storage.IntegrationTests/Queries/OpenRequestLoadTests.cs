using CopBot.Community;
using CopBot.Storage.IntegrationTests.Infrastructure;
using CopBot.Testing;

namespace CopBot.Storage.IntegrationTests.Queries;

/// <summary>Open requests per expert, counted from the real query table (routing's maxOpenRequests input).</summary>
[Collection(AzuriteFixture.Collection)]
public class OpenRequestLoadTests(AzuriteFixture azurite) : StorageTest(azurite)
{
    private QueryRequest Query(string id, params ExpertAssignment[] experts) => new(
        "default", id, "Which buffer strips work on sloped fields?", [],
        new QueryPlace("msteams", "https://smba.example/", "19:abc@thread.tacv2;messageid=1", "tenant-1", "28:bot", "CopBot", "1"),
        "29:1asker", "Asker", Storage.Time.GetUtcNow(), experts);

    private static ExpertAssignment Expert(string id, AssignmentState state) => new(id, "Name of " + id, 1, []) { State = state };

    [Fact]
    public async Task CountsAsync_OpenQueries_CountsOnlyAskedExpertsOfOpenQueries()
    {
        var queries = Storage.Queries();
        await queries.CreateAsync(Query("q-1", Expert("ana", AssignmentState.Asked), Expert("ben", AssignmentState.Answered), Expert("cy", AssignmentState.Waiting)), default);
        await queries.CreateAsync(Query("q-2", Expert("ana", AssignmentState.Asked), Expert("ben", AssignmentState.Declined), Expert("cy", AssignmentState.TimedOut)), default);
        await queries.CreateAsync(Query("q-3", Expert("ana", AssignmentState.Asked), Expert("ben", AssignmentState.Asked)), default);
        await queries.UpdateAsync("default", "q-3", q => q with { Status = QueryStatus.Closed }, default);

        var counts = await new OpenRequestLoad(queries, Storage.Time).CountsAsync("default", default);

        Assert.Equal(new Dictionary<string, int> { ["ana"] = 2 }, counts);
    }

    [Fact]
    public async Task CountsAsync_WithinMaxAge_ServesTheCachedCountsUntilInvalidated()
    {
        var queries = Storage.Queries();
        var load = new OpenRequestLoad(queries, Storage.Time);
        await queries.CreateAsync(Query("q-1", Expert("ana", AssignmentState.Asked)), default);
        Assert.Equal(1, (await load.CountsAsync("default", default))["ana"]);
        await queries.CreateAsync(Query("q-2", Expert("ana", AssignmentState.Asked)), default);

        var cached = await load.CountsAsync("default", default);
        load.Invalidate();
        var afterInvalidate = await load.CountsAsync("default", default);
        await queries.CreateAsync(Query("q-3", Expert("ana", AssignmentState.Asked)), default);
        Storage.Time.Advance(OpenRequestLoad.MaxAge);
        var afterMaxAge = await load.CountsAsync("default", default);

        Assert.Equal(1, cached["ana"]);
        Assert.Equal(2, afterInvalidate["ana"]);
        Assert.Equal(3, afterMaxAge["ana"]);
    }
}
