using CopBot.Community;

namespace CopBot.Community.Tests.Routing;

public class RoutingFeedbackHolderTests
{
    [Fact]
    public void Replace_NothingAddedDuringTheRead_TakesTheReadAsIs()
    {
        var holder = new RoutingFeedbackHolder();
        holder.Replace([new RoutingFeedback("ana", "hops", -1)], readFrom: []);
        var readFrom = holder.Current;
        IReadOnlyList<RoutingFeedback> read = [new RoutingFeedback("ana", "hops", -2), new RoutingFeedback("ben", "yeast", 1)];

        holder.Replace(read, readFrom);

        Assert.Same(read, holder.Current);
    }

    [Fact]
    public void Replace_FeedbackAddedDuringTheRead_KeepsThoseTopicsAsAmendedHere()
    {
        var holder = new RoutingFeedbackHolder();
        holder.Replace([new RoutingFeedback("ana", "hops", -1), new RoutingFeedback("ben", "yeast", 1)], readFrom: []);
        var readFrom = holder.Current;
        // While the store is read, this instance records "not my area" twice; the read comes back without them.
        holder.Add([new RoutingFeedback("ana", "hops", -1), new RoutingFeedback("chen", "malt", -1)]);
        IReadOnlyList<RoutingFeedback> staleRead = [new RoutingFeedback("ana", "hops", -1), new RoutingFeedback("ben", "yeast", 2)];

        holder.Replace(staleRead, readFrom);

        var sums = holder.Current.GroupBy(f => (f.ExpertId, f.Tag)).ToDictionary(g => g.Key, g => g.Sum(f => f.Delta));
        Assert.Equal(-2, sums[("ana", "hops")]);
        Assert.Equal(-1, sums[("chen", "malt")]);
        Assert.Equal(2, sums[("ben", "yeast")]);
        Assert.Equal(3, sums.Count);
    }
}
