using CopBot.Cards;
using CopBot.Community;
using CopBot.Features.Requests;

namespace CopBot.Features.Collaborate;

/// <summary>Maps a stored working group to the cards' view records.</summary>
internal static class CollaborateCards
{
    public static AdaptiveCard Group(WorkingGroup g) =>
        WorkingGroupCard.Build(new WorkingGroupView(
            g.Id, g.Goal, g.Deliverable, g.RequesterName, ClosingDates.Format(g.Deadline),
            [.. g.Roles.Select(r => new WorkingGroupRoleLine(r.Role, g.Filled(r.Role), r.Count,
                [.. g.Members.Where(m => m.Role == r.Role && m.State == GroupMemberState.Joined).Select(m => m.Name)]))],
            [.. g.Tasks.Select(t => new WorkingGroupTaskLine(t.Id, t.Title, t.AssigneeName, t.Done))])
        {
            Status = g.Status switch
            {
                WorkingGroupStatus.Completed => "Completed",
                WorkingGroupStatus.Cancelled => "Cancelled",
                _ => $"Open · {g.Members.Count(m => m.State == GroupMemberState.Invited)} invitation(s) pending",
            },
            IsOpen = g.Status == WorkingGroupStatus.Open,
            DeliverableLink = g.DeliverableLink,
            ReplacementNote = DeclinerReplacement.Note(g.Members),
            RefreshUserIds = [.. g.Joined.Select(m => m.MemberId).Where(id => id.StartsWith("29:", StringComparison.Ordinal))],
        });

    public static AdaptiveCard Invite(WorkingGroup g, GroupMember member) =>
        RoleInviteCard.Build(new RoleInviteView(g.Id, g.Goal, g.Deliverable, member.Role, g.RequesterName, ClosingDates.Format(g.Deadline), member.Why)
        {
            ThreadLink = ThreadLinks.For(g.Place),
        });

    public static AdaptiveCard Progress(WorkingGroup g, DateTimeOffset now) =>
        NoticeCard.Build(
            "Weekly progress: " + g.Goal,
            $"{g.Tasks.Count(t => t.Done)} of {g.Tasks.Count} tasks done; {g.Joined.Count} of {g.Roles.Sum(r => r.Count)} places filled; {ClosingDates.TimeLeft(g.Deadline, now)} left until {ClosingDates.Format(g.Deadline)}.",
            NoticeKind.Info);

    public static AdaptiveCard Completed(WorkingGroup g) =>
        NoticeCard.Build(
            "Completed: " + g.Goal,
            $"{g.Deliverable}: {g.DeliverableLink?.AbsoluteUri}. Thanks to {string.Join(", ", g.Joined.Select(m => $"{m.Name} ({m.Role})"))}.",
            NoticeKind.Info);
}
