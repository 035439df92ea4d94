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

    [Fact]
    public async Task CountsAsync_AskAnswerAskOnThisInstance_CountsFollowInPlaceWithoutARecount()
    {
        var table = Storage.Queries();
        var load = new OpenRequestLoad(table, Storage.Time);
        var queries = new LoadTrackingQueryStore(table, load);
        await queries.CreateAsync(Query("q-1", Expert("ana", AssignmentState.Waiting), Expert("ben", AssignmentState.Waiting)), default);
        var before = await load.CountsAsync("default", default);
        // Another instance asks ana elsewhere: only a recount would see it, so it shows whether one happened.
        await table.CreateAsync(Query("q-other", Expert("ana", AssignmentState.Asked)), default);

        await queries.UpdateAsync("default", "q-1", q => q.With(q.Experts[0] with { State = AssignmentState.Asked }), default);
        var asked = await load.CountsAsync("default", default);
        await queries.UpdateAsync("default", "q-1", q => q.With(q.Experts[0] with { State = AssignmentState.Answered, Answer = "Vetiver." }), default);
        var answered = await load.CountsAsync("default", default);
        await queries.CreateAsync(Query("q-2", Expert("ana", AssignmentState.Waiting)), default);
        await queries.UpdateAsync("default", "q-2", q => q.With(q.Experts[0] with { State = AssignmentState.Asked }), default);
        var askedAgain = await load.CountsAsync("default", default);

        Assert.Empty(before);
        Assert.Equal(new Dictionary<string, int> { ["ana"] = 1 }, asked);
        Assert.Empty(answered);
        Assert.Equal(new Dictionary<string, int> { ["ana"] = 1 }, askedAgain);
    }

    [Fact]
    public async Task CountsAsync_DeclineTimeOutClosingOrNoChange_FreeTheSlotsInPlace()
    {
        var table = Storage.Queries();
        var load = new OpenRequestLoad(table, Storage.Time);
        var queries = new LoadTrackingQueryStore(table, load);
        await queries.CreateAsync(Query("q-1", Expert("ana", AssignmentState.Asked), Expert("ben", AssignmentState.Asked)), default);
        await queries.CreateAsync(Query("q-2", Expert("ana", AssignmentState.Asked), Expert("cy", AssignmentState.Asked)), default);
        var start = await load.CountsAsync("default", default);
        await table.CreateAsync(Query("q-other", Expert("dee", AssignmentState.Asked)), default);

        await queries.UpdateAsync("default", "q-1", q => q.With(q.Experts[0] with { State = AssignmentState.Declined }), default);
        await queries.UpdateAsync("default", "q-1", q => q.With(q.Experts[1] with { State = AssignmentState.TimedOut }), default);
        await queries.UpdateAsync("default", "q-2", _ => null, default);
        await queries.UpdateAsync("default", "missing", q => q with { Status = QueryStatus.Closed }, default);
        await queries.CreateAsync(Query("q-2", Expert("ana", AssignmentState.Asked)), default);
        var beforeClosing = await load.CountsAsync("default", default);
        await queries.UpdateAsync("default", "q-2", q => q with { Status = QueryStatus.Closed }, default);
        var afterClosing = await load.CountsAsync("default", default);

        Assert.Equal(new Dictionary<string, int> { ["ana"] = 2, ["ben"] = 1, ["cy"] = 1 }, start);
        Assert.Equal(new Dictionary<string, int> { ["ana"] = 1, ["cy"] = 1 }, beforeClosing);
        Assert.Empty(afterClosing);
    }

    [Fact]
    public async Task CountsAsync_AfterMaxAge_RecountsAndSeesOtherInstancesWrites()
    {
        var table = Storage.Queries();
        var load = new OpenRequestLoad(table, Storage.Time);
        var queries = new LoadTrackingQueryStore(table, load);
        await queries.CreateAsync(Query("q-1", Expert("ana", AssignmentState.Asked)), default);
        Assert.Equal(1, (await load.CountsAsync("default", default))["ana"]);
        // Another instance asks ana and ben elsewhere and records ana's answer to q-1.
        await table.CreateAsync(Query("q-other", Expert("ana", AssignmentState.Asked), Expert("ben", AssignmentState.Asked)), default);
        await table.UpdateAsync("default", "q-1", q => q.With(q.Experts[0] with { State = AssignmentState.Answered }), default);

        Storage.Time.Advance(OpenRequestLoad.MaxAge - TimeSpan.FromSeconds(1));
        var justBefore = await load.CountsAsync("default", default);
        Storage.Time.Advance(TimeSpan.FromSeconds(1));
        var recounted = await load.CountsAsync("default", default);

        Assert.Equal(new Dictionary<string, int> { ["ana"] = 1 }, justBefore);
        Assert.Equal(new Dictionary<string, int> { ["ana"] = 1, ["ben"] = 1 }, recounted);
    }

    [Fact]
    public async Task CountsAsync_APassOverlappingAWrite_IsReturnedButNotCached()
    {
        var table = Storage.Queries();
        var paused = new PausedListing(table);
        var load = new OpenRequestLoad(paused, Storage.Time);
        var queries = new LoadTrackingQueryStore(table, load);
        await queries.CreateAsync(Query("q-1", Expert("ana", AssignmentState.Waiting)), default);

        var pass = load.CountsAsync("default", default);
        await paused.Listed.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await queries.UpdateAsync("default", "q-1", q => q.With(q.Experts[0] with { State = AssignmentState.Asked }), default);
        paused.Release.SetResult();
        var overlapping = await pass;
        var next = await load.CountsAsync("default", default);
        var cached = await load.CountsAsync("default", default);

        // The pass read q-1 after the ask landed, but a pass that races a write cannot know which side it read.
        Assert.Equal(new Dictionary<string, int> { ["ana"] = 1 }, overlapping);
        Assert.Equal(new Dictionary<string, int> { ["ana"] = 1 }, next);
        Assert.Equal(cached, next);
        Assert.Equal(2, paused.Passes);
    }

    /// <summary>The real store, with each open-index listing held until released (the first one only).</summary>
    private sealed class PausedListing(IQueryStore inner) : IQueryStore
    {
        public TaskCompletionSource Listed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Passes { get; private set; }

        public Task<(QueryRequest Stored, bool Created)> CreateAsync(QueryRequest query, CancellationToken cancellationToken) => inner.CreateAsync(query, cancellationToken);

        public Task<QueryRequest?> GetAsync(string community, string id, CancellationToken cancellationToken) => inner.GetAsync(community, id, cancellationToken);

        public async Task<IReadOnlyList<string>> ListOpenAsync(string community, CancellationToken cancellationToken)
        {
            var ids = await inner.ListOpenAsync(community, cancellationToken);
            if (++Passes == 1)
            {
                Listed.SetResult();
                await Release.Task;
            }

            return ids;
        }

        public Task<IReadOnlyList<QueryRequest>> ListAsync(string community, CancellationToken cancellationToken) => inner.ListAsync(community, cancellationToken);

        public Task<QueryRequest?> UpdateAsync(string community, string id, Func<QueryRequest, QueryRequest?> change, CancellationToken cancellationToken) =>
            inner.UpdateAsync(community, id, change, cancellationToken);
    }
}
