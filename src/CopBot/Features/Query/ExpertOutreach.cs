using CopBot.Community;
using CopBot.Features.Requests;

namespace CopBot.Features.Query;

/// <summary>
/// Asks one expert through the shared <see cref="MemberOutreach"/> (1:1 card, or @mention in the thread when the
/// bot cannot reach them privately). The outcome is stored on the query before returning.
/// </summary>
public sealed class ExpertOutreach(
    MemberOutreach outreach,
    RequestAuthorization authorization,
    IQueryStore queries,
    QueryThread thread,
    OpenRequestLoad load,
    TimeProvider clock)
{
    public async Task<QueryRequest> AskAsync(QueryRequest query, ExpertAssignment expert, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(expert);
        var reached = await outreach.ReachAsync(
            query.Place, Target(expert), QueryCards.ExpertRequest(query, expert), "A question for you",
            "could you help with this question? Reply in this thread.", cancellationToken);
        var asked = expert with
        {
            NotifiedBy = reached.Channel,
            PersonalConversationId = reached.PersonalConversationId ?? expert.PersonalConversationId,
            CardActivityId = reached.CardActivityId ?? expert.CardActivityId,
            State = AssignmentState.Asked,
            AskedAt = clock.GetUtcNow(),
        };
        var stored = await queries.UpdateAsync(query.Community, query.Id, q => q.With(asked), cancellationToken) ?? query.With(asked);

        // The expert holds one more open request: the next routing on this instance must count it.
        load.Invalidate();
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
        foreach (var facilitator in await authorization.FacilitatorsAsync(query.Community, 3, cancellationToken))
        {
            await thread.MentionAsync(query.Place, new Protocol.ChannelAccount { Id = facilitator.Id, Name = facilitator.Name },
                "nobody asked so far could answer this question. Could you find someone who knows?", cancellationToken);
        }
    }

    private static OutreachTarget Target(ExpertAssignment expert) => new(expert.ExpertId, expert.Name, expert.AadObjectId) { Email = expert.Email };

    private static string Shorten(string text) => text.Length <= 120 ? text : text[..120] + "…";
}
