namespace CopBot.Community;

/// <summary>
/// Routes a query with the community's in-memory expert index and the ranker (see docs/routing.md): no table is
/// read per request for the profiles. The index is kept fresh by the host (start-up build, periodic refresh); live
/// load (open requests per expert) comes from <see cref="RoutingContextBuilder"/>, which caches it briefly.
/// </summary>
public sealed class IndexedExpertFinder(ExpertIndexHolder index, RoutingContextBuilder contexts, ExpertRanker ranker) : IExpertFinder
{
    public async Task<ExpertSearch> FindAsync(string community, QueryText query, string askerId, int count, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var snapshot = index.Current;
        if (!string.Equals(snapshot.Community, community, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"The expert index holds community '{snapshot.Community}', not '{community}'.");
        }

        var context = await contexts.BuildAsync(community, cancellationToken);
        var result = ranker.Rank(snapshot, new RoutingQuery(query.Question, query.Tags, askerId, count), context);
        IReadOnlyList<ExpertMatch> matches = [.. result.Experts.Select(e => (Ranked: e, Profile: snapshot.Find(e.Id))).Select(e =>
            new ExpertMatch(e.Ranked.Id, e.Ranked.Name, e.Ranked.Score, e.Ranked.Why) { AadObjectId = e.Profile?.AadObjectId, Email = e.Profile?.Email })];
        return new ExpertSearch(matches, result.InferredTopics) { IsGap = result.IsGap };
    }
}
