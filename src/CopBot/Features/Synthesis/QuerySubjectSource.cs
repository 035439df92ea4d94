using CopBot.Community;

namespace CopBot.Features.Synthesis;

/// <summary>Queries as synthesis subjects: the experts' answers are the contributions, organisations from their profiles.</summary>
public sealed class QuerySubjectSource(IQueryStore queries, IProfileStore profiles) : ISynthesisSource
{
    public async Task<SynthesisSubject?> FindAsync(string community, string requestId, CancellationToken cancellationToken)
    {
        var query = await queries.GetAsync(community, requestId, cancellationToken);
        if (query is null)
        {
            return null;
        }

        var organizations = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var id in query.Answered.Select(e => e.ExpertId).Append(query.AskerId).Distinct(StringComparer.Ordinal))
        {
            organizations[id] = (await profiles.GetAsync(community, id, cancellationToken))?.Organization;
        }

        return new SynthesisSubject(
            QuerySynthesisSource.From(query, organizations),
            query.Place,
            query.Status == QueryStatus.Closed,
            query.Topics.Count > 0 ? query.Topics : query.Tags);
    }

    public async Task CloseAsync(string community, string requestId, CancellationToken cancellationToken) =>
        await queries.UpdateAsync(community, requestId, q => q.Status == QueryStatus.Closed ? null : q with { Status = QueryStatus.Closed }, cancellationToken);
}
