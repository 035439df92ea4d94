using CopBot.Community;
using CopBot.Community.Tests.TestDoubles;

namespace CopBot.Community.Tests.Routing;

public class RoutingFeedbackHolderTests
{
    private const string Community = "brewers";

    [Fact]
    public async Task RefreshAsync_NothingAddedDuringTheRead_TakesTheStoredSums()
    {
        var store = new InMemoryFeedbackStore();
        var holder = new RoutingFeedbackHolder();
        await store.AddAsync(Community, [new RoutingFeedback("ana", "hops", -1)], CancellationToken.None);
        await holder.RefreshAsync(store, Community, CancellationToken.None);
        await store.AddAsync(Community, [new RoutingFeedback("ana", "hops", -1), new RoutingFeedback("ben", "yeast", 1)], CancellationToken.None);

        var refreshed = await holder.RefreshAsync(store, Community, CancellationToken.None);

        Assert.Same(refreshed, holder.Current);
        Assert.Equal([("ana", "hops", -2.0), ("ben", "yeast", 1.0)], Sums(holder));
    }

    [Fact]
    public async Task RefreshAsync_FeedbackAddedDuringTheRead_KeepsThoseTopicsAsAmendedHere()
    {
        var store = new InMemoryFeedbackStore();
        var holder = new RoutingFeedbackHolder();
        await store.AddAsync(Community, [new RoutingFeedback("ana", "hops", -1), new RoutingFeedback("ben", "yeast", 1)], CancellationToken.None);
        await holder.RefreshAsync(store, Community, CancellationToken.None);
        // Another instance raises ben; then a reload starts, and while its (now stale) listing is on its way this
        // instance records "not my area" twice.
        await store.AddAsync(Community, [new RoutingFeedback("ben", "yeast", 1)], CancellationToken.None);
        var slowRead = new TaskCompletionSource();
        store.ListReturnsAfter = slowRead.Task;
        var refresh = holder.RefreshAsync(store, Community, CancellationToken.None);
        IReadOnlyList<RoutingFeedback> notMyArea = [new RoutingFeedback("ana", "hops", -1), new RoutingFeedback("chen", "malt", -1)];
        await store.AddAsync(Community, notMyArea, CancellationToken.None);
        holder.Add(notMyArea);
        slowRead.SetResult();
        await refresh;

        Assert.Equal([("ana", "hops", -2.0), ("ben", "yeast", 2.0), ("chen", "malt", -1.0)], Sums(holder));
    }

    private static List<(string, string, double)> Sums(RoutingFeedbackHolder holder) =>
        [.. holder.Current.GroupBy(f => (f.ExpertId, f.Tag)).Select(g => (g.Key.ExpertId, g.Key.Tag, g.Sum(f => f.Delta))).OrderBy(s => s.ExpertId, StringComparer.Ordinal)];
}
