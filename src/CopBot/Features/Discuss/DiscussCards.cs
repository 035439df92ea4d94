using CopBot.Cards;
using CopBot.Community;
using CopBot.Features.Requests;

namespace CopBot.Features.Discuss;

/// <summary>Maps a stored discussion to the cards' view records.</summary>
internal static class DiscussCards
{
    public static string Date(DateTimeOffset at) => ClosingDates.Format(at);

    public static AdaptiveCard Topic(Discussion d, DateTimeOffset now, TimeSpan maxDuration) =>
        DiscussionTopicCard.Build(new DiscussionTopicView(
            d.Id, d.Topic, d.FramingQuestion, d.RequesterName, Date(d.ClosesAt), d.ContributorNames.Count, d.ContributionCount,
            [.. d.Invitees.Select(i => new DiscussInviteeLine(i.Name, i.State switch
            {
                InviteState.Joined => "contributed",
                InviteState.NotNow => "not now",
                _ => i.NotifiedBy == NotificationChannel.None ? "being invited" : "invited",
            }))])
        {
            Status = d.Status switch
            {
                DiscussionStatus.Closed => "Closed: handed to the facilitators",
                DiscussionStatus.Cancelled => "Cancelled",
                _ => "Open",
            },
            IsOpen = d.Status == DiscussionStatus.Open,
            Note = MentionNote(d),
            ReplacementNote = DeclinerReplacement.Note(d.Invitees),
            ExtendMin = DateOnly.FromDateTime(d.ClosesAt.UtcDateTime).AddDays(1),
            ExtendMax = DateOnly.FromDateTime((now + maxDuration).UtcDateTime),
        });

    public static AdaptiveCard Invite(Discussion d, DiscussionInvitee invitee) =>
        DiscussionInviteCard.Build(new DiscussionInviteView(d.Id, d.Topic, d.FramingQuestion, d.RequesterName, invitee.Why, Date(d.ClosesAt))
        {
            ThreadLink = ThreadLinks.For(d.Place),
        });

    public static AdaptiveCard ReadyForSynthesis(Discussion d) =>
        ReadyForSynthesisCard.Build(new ReadyForSynthesisView(d.Id, d.Topic, d.RequesterName, d.ContributionCount, d.ContributorNames)
        {
            ThreadLink = ThreadLinks.For(d.Place),
        });

    private static string? MentionNote(Discussion d)
    {
        var mentioned = d.Invitees.Where(i => i.NotifiedBy == NotificationChannel.ThreadMention).Select(i => i.Name).ToList();
        return mentioned.Count == 0
            ? null
            : $"{string.Join(", ", mentioned)} {(mentioned.Count == 1 ? "has" : "have")} not installed CopBot, so I mentioned them here instead of sending a private invitation.";
    }
}
