using CopBot.Cards;
using CopBot.Community;
using CopBot.Features.Requests;

namespace CopBot.Features.Query;

/// <summary>Maps a stored query to the cards' view records (the cards know nothing of the domain).</summary>
internal static class QueryCards
{
    public static AdaptiveCard Ack(QueryRequest query) =>
        QueryAckCard.Build(new QueryAckView(
            query.Id,
            query.Question,
            query.Tags,
            query.AskerName,
            [.. query.Experts.Where(e => e.State != AssignmentState.Waiting).Select(Line)],
            query.Answered.Count,
            query.Status == QueryStatus.Closed)
        {
            Note = MentionNote(query),
            IsUrgent = query.IsUrgent,
            IsRouting = query.Experts.Count > 0 && query.Experts.All(e => e.State == AssignmentState.Waiting),
            Ratings = [.. query.Answered.Select(e => new QueryRatingLine(e.ExpertId, e.Name, e.Rating switch
            {
                AnswerRating.Helpful => true,
                AnswerRating.NotHelpful => false,
                _ => null,
            }))],
        });

    public static AdaptiveCard ExpertRequest(QueryRequest query, ExpertAssignment expert) =>
        ExpertRequestCard.Build(new ExpertRequestView(query.Id, query.Question, query.Tags, query.AskerName, expert.Why)
        {
            ThreadLink = ThreadLinks.For(query.Place),
        });

    private static QueryExpertLine Line(ExpertAssignment expert) => new(
        expert.Name,
        expert.Why.Count > 0 ? expert.Why[0] : "profile match",
        expert.State switch
        {
            AssignmentState.Answered => "answered",
            AssignmentState.Declined => "declined",
            AssignmentState.TimedOut => "no reply in time",
            _ => "asked",
        });

    private static string? MentionNote(QueryRequest query)
    {
        var mentioned = query.Experts.Where(e => e.NotifiedBy == NotificationChannel.ThreadMention).Select(e => e.Name).ToList();
        return mentioned.Count == 0
            ? null
            : $"{string.Join(", ", mentioned)} {(mentioned.Count == 1 ? "has" : "have")} not installed CopBot, so I mentioned them here instead of sending a private card.";
    }
}
