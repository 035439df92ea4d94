using CopBot.Community;
using CopBot.Features.Requests;

namespace CopBot.Features.Query;

/// <summary>The query's acknowledgement card in its thread, for <see cref="ThreadCardRedraw"/>.</summary>
public sealed class QueryThreadCard(IQueryStore queries) : IThreadCardSource
{
    public string Modality => QueryThread.Modality;

    public async Task<DrawnThreadCard?> DrawAsync(string community, string requestId, DateTimeOffset now, CancellationToken cancellationToken) =>
        await queries.GetAsync(community, requestId, cancellationToken) is { } query
            ? new DrawnThreadCard(query.Place, query.AckActivityId, QueryCards.Ack(query), "Query status", ThreadCardRedraw.VersionOf(query))
            : null;
}
