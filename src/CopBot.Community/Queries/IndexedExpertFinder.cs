namespace CopBot.Community;

/// <summary>
/// Routes a query with the community's in-memory expert index and the ranker (see docs/routing.md): no table is
/// read per request. The index is kept fresh by the host (start-up build, periodic refresh).
/// </summary>
public sealed class IndexedExpertFinder(ExpertIndexHolder index, RoutingFeedbackHolder feedback, ExpertRanker ranker, TimeProvider clock) : IExpertFinder
{
    public Task<ExpertSearch> FindAsync(string community, QueryText query, string askerId, int count, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var snapshot = index.Current;
        if (!string.Equals(snapshot.Community, community, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"The expert index holds community '{snapshot.Community}', not '{community}'.");
        }

        var result = ranker.Rank(snapshot, new RoutingQuery(query.Question, query.Tags, askerId, count), new RoutingContext(clock.GetUtcNow()) { Feedback = feedback.Current });
        IReadOnlyList<ExpertMatch> matches = [.. result.Experts.Select(e =>
            new ExpertMatch(e.Id, e.Name, e.Score, e.Why) { AadObjectId = snapshot.Find(e.Id)?.AadObjectId })];
        return Task.FromResult(new ExpertSearch(matches, result.InferredTopics) { IsGap = result.IsGap });
    }
}
