using CopBot.Community;

namespace CopBot.Features.Synthesis;

/// <summary>Queries as synthesis subjects: the experts' answers are the contributions, organisations from their profiles.</summary>
public sealed class QuerySubjectSource(IQueryStore queries, IProfileStore profiles, Query.QueryThread? thread = null) : ISynthesisSource
{
    public async Task<SynthesisSubject?> FindAsync(string community, string requestId, CancellationToken cancellationToken)
    {
        var query = await queries.GetAsync(community, requestId, cancellationToken);
        if (query is null)
        {
            return null;
        }

        var organizations = await ContributorOrganizations.ReadAsync(profiles, community, query.Answered.Select(e => e.ExpertId).Append(query.AskerId), cancellationToken);

        return new SynthesisSubject(
            QuerySynthesisSource.From(query, organizations),
            query.Place,
            query.Status == QueryStatus.Closed,
            query.Topics.Count > 0 ? query.Topics : query.Tags);
    }

    /// <summary>Closes the query and redraws its thread card (no more "Mark answered"), when it was open.</summary>
    public async Task CloseAsync(string community, string requestId, CancellationToken cancellationToken)
    {
        var wasOpen = false;
        var closed = await queries.UpdateAsync(community, requestId, q =>
        {
            wasOpen = q.Status != QueryStatus.Closed;
            return wasOpen ? q with { Status = QueryStatus.Closed } : null;
        }, cancellationToken);
        if (wasOpen && closed is not null && thread is not null)
        {
            await thread.RefreshAckAsync(closed, cancellationToken);
        }
    }
}
