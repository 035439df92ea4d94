using CopBot.Community;
using CopBot.Features.Requests;
using CopBot.Outbox;

namespace CopBot.Features.Query;

/// <summary>
/// Asks experts through the <see cref="IOutbox"/>: one <see cref="ExpertAskDelivery"/> message each (1:1 card, or
/// @mention in the thread when the bot cannot reach them privately), enqueued before they are marked asked, so a
/// crash in between re-enqueues (the message key makes that harmless) instead of losing the notification.
/// </summary>
public sealed class ExpertOutreach(
    IOutbox outbox,
    MemberOutreach outreach,
    RequestAuthorization authorization,
    IQueryStore queries,
    TimeProvider clock)
{
    public Task<QueryRequest> AskAsync(QueryRequest query, ExpertAssignment expert, CancellationToken cancellationToken) =>
        AskAllAsync(query, [expert], cancellationToken);

    /// <summary>Enqueues one ask per expert, then marks them asked in one write; returns the stored query.</summary>
    public async Task<QueryRequest> AskAllAsync(QueryRequest query, IReadOnlyList<ExpertAssignment> experts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(experts);
        if (experts.Count == 0)
        {
            return query;
        }

        await outbox.EnqueueAsync([.. experts.Select(e => ExpertAskDelivery.Message(query, e))], cancellationToken);
        var ids = experts.Select(e => e.ExpertId).ToHashSet(StringComparer.Ordinal);
        var now = clock.GetUtcNow();
        var stored = await queries.UpdateAsync(query.Community, query.Id, q =>
        {
            // Only experts still waiting: the worker may have reached (and marked) some of them already.
            var waiting = q.Experts.Where(e => ids.Contains(e.ExpertId) && e.State == AssignmentState.Waiting).ToList();
            return waiting.Count == 0 ? null : waiting.Aggregate(q, (current, e) => current.With(e with { State = AssignmentState.Asked, AskedAt = now }));
        }, cancellationToken) ?? query;

        // These experts now hold one more open request: the store's write already added it to OpenRequestLoad's counts.
        return stored;
    }

    /// <summary>A nudge where the expert was asked: their 1:1 chat, or the thread for those reached by mention.</summary>
    public Task RemindAsync(QueryRequest query, ExpertAssignment expert, DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(expert);
        var text = $"Reminder: {query.AskerName} is still waiting for an answer to \"{Shorten(query.Question)}\" (until {deadline:yyyy-MM-dd HH:mm} UTC).";
        return outreach.NudgeAsync(
            query.Place, Target(expert), new OutreachResult(expert.NotifiedBy, expert.PersonalConversationId, expert.CardActivityId),
            text + " Answer or decline on the card above.", text + " Reply in this thread.", cancellationToken);
    }

    /// <summary>Nobody asked could help: the community's facilitators are mentioned in the thread to find someone.</summary>
    public async Task AskFacilitatorsAsync(QueryRequest query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var facilitators = await authorization.FacilitatorsAsync(query.Community, 3, cancellationToken);
        await outbox.EnqueueAsync([.. facilitators.Select(f => FacilitatorCallDelivery.Message(query, new OutreachTarget(f.Id, f.Name)))], cancellationToken);
    }

    /// <summary>How outreach finds the expert: Teams id, Entra object id, then the profile e-mail (roster linking).</summary>
    internal static OutreachTarget Target(ExpertAssignment expert) => new(expert.ExpertId, expert.Name, expert.AadObjectId) { Email = expert.Email };

    private static string Shorten(string text) => text.Length <= 120 ? text : text[..120] + "…";
}
