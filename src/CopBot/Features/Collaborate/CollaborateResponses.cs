using CopBot.Cards;
using CopBot.Community;
using CopBot.Features.Query;
using CopBot.Features.Requests;
using CopBot.Turns;
using Microsoft.Extensions.Options;

namespace CopBot.Features.Collaborate;

/// <summary>
/// The working-group buttons. Only invited members take a role; only members, the requester or a facilitator edit the
/// checklist; only the requester or a facilitator complete or cancel. Task edits answer with the redrawn card (the
/// Action.Execute response replaces it in place), and everything is checked against the stored group.
/// </summary>
public sealed class CollaborateResponses(
    IWorkingGroupStore groups,
    RequestAuthorization authorization,
    RequestAccess access,
    PendingInvitations<WorkingGroup> invitations,
    DeclinerReplacement replacement,
    ThreadPoster poster,
    ThreadCardUpdates cards,
    IKnowledgeBase knowledge,
    TimeProvider clock)
{
    public const string NotInvited = "Only the members invited to this working group can answer this invitation.";
    public const string NotAMember = "Only the group's members, the person who started it, or a facilitator can change its tasks.";

    public async Task<CardActionResult> JoinAsync(TurnContext turn, CardActionRequest action, CancellationToken cancellationToken)
    {
        var (group, member, refusal) = await InviteeAsync(turn, action, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        if (member!.State != GroupMemberState.Joined && group!.Filled(member.Role) >= group.Roles.First(r => r.Role == member.Role).Count)
        {
            return CardActionResult.Refuse(StatusCodes.Status409Conflict, $"The {member.Role} places are already filled; thank you all the same.");
        }

        var stored = await groups.UpdateAsync(group!.Community, group.Id, g =>
            g.Find(member.MemberId, null) is { State: not GroupMemberState.Joined } current && g.Filled(current.Role) < g.Roles.First(r => r.Role == current.Role).Count
                ? g.With(current with { State = GroupMemberState.Joined })
                : null,
            cancellationToken) ?? group;
        await RedrawAsync(stored, cancellationToken);
        return CardActionResult.Replace(NoticeCard.Build("Welcome to the working group", $"You joined as {member.Role}. The group's card and tasks are in the thread.", NoticeKind.Info));
    }

    public async Task<CardActionResult> NotNowAsync(TurnContext turn, CardActionRequest action, CancellationToken cancellationToken)
    {
        var (group, member, refusal) = await InviteeAsync(turn, action, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        // The next-ranked member not yet invited is offered the same role while it is open, picked in the same write (see DeclinerReplacement).
        var ranked = member!.State == GroupMemberState.Invited
            ? await replacement.RankAsync(CollaborateFlow.RequestText(group!.Goal, group.Deliverable), group.RequesterId, group.Members, cancellationToken)
            : [];
        var stored = await groups.UpdateAsync(group!.Community, group.Id, g =>
            g.Find(member.MemberId, null) is { State: GroupMemberState.Invited } current ? WithReplacement(g.With(current with { State = GroupMemberState.NotNow }), current, ranked) : null, cancellationToken) ?? group;
        stored = await invitations.InvitePendingAsync(stored, cancellationToken);
        await RedrawAsync(stored, cancellationToken);
        return CardActionResult.Replace(NoticeCard.Build("No problem", "Thanks for letting us know.", NoticeKind.Info));
    }

    private static WorkingGroup WithReplacement(WorkingGroup g, GroupMember decliner, IReadOnlyList<ExpertMatch> ranked) =>
        g.Filled(decliner.Role) < g.Roles.First(r => r.Role == decliner.Role).Count && DeclinerReplacement.Next(ranked, g.Members, g.RequesterId) is { } next
            ? g with { Members = [.. g.Members, new GroupMember(next.ExpertId, next.Name, decliner.Role, next.Why) { AadObjectId = next.AadObjectId, InPlaceOf = decliner.Name }] }
            : g;

    public Task<CardActionResult> AddTaskAsync(TurnContext turn, CardActionRequest action, CancellationToken cancellationToken) =>
        EditTasksAsync(turn, action, (g, from) =>
        {
            var title = action.GetString(CollaborateCardKeys.TaskTitle)?.Trim();
            if (string.IsNullOrEmpty(title) || title.Length > GroupTask.MaxTitleLength)
            {
                return (null, $"Write the task (up to {GroupTask.MaxTitleLength} characters).");
            }

            return g.Tasks.Count >= WorkingGroup.MaxTasks
                ? (null, $"A working group keeps at most {WorkingGroup.MaxTasks} tasks.")
                : (g with { Tasks = [.. g.Tasks, new GroupTask("t" + (g.Tasks.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), title, from.Name ?? "a member")] }, null);
        }, cancellationToken);

    public Task<CardActionResult> TakeTaskAsync(TurnContext turn, CardActionRequest action, CancellationToken cancellationToken) =>
        EditTasksAsync(turn, action, (g, from) =>
            g.Tasks.FirstOrDefault(t => t.Id == action.GetString(CollaborateCardKeys.TaskId)) is { Done: false } task
                ? (g.With(task with { AssigneeId = from.Id, AssigneeName = from.Name ?? "a member" }), null)
                : (null, "Pick an open task."), cancellationToken);

    public Task<CardActionResult> TaskDoneAsync(TurnContext turn, CardActionRequest action, CancellationToken cancellationToken) =>
        EditTasksAsync(turn, action, (g, _) =>
            g.Tasks.FirstOrDefault(t => t.Id == action.GetString(CollaborateCardKeys.TaskId)) is { Done: false } task
                ? (g.With(task with { Done = true }), null)
                : (null, "Pick an open task."), cancellationToken);

    /// <summary>Complete: the deliverable link is recorded on the group and every member is credited in the thread.</summary>
    public async Task<CardActionResult> CompleteAsync(TurnContext turn, CardActionRequest action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        var (group, refusal) = await SteerableAsync(turn, action, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        if (group!.Status != WorkingGroupStatus.Open)
        {
            // A repeated click finishes what a failed one left undone; the entry is kept once, by the group's id.
            await KeepDeliverableAsync(group, cancellationToken);
            return CardActionResult.Replace(CollaborateCards.Group(group));
        }

        if (!Uri.TryCreate(action.GetString(CollaborateCardKeys.DeliverableLink)?.Trim(), UriKind.Absolute, out var link) || (link.Scheme != Uri.UriSchemeHttps && link.Scheme != Uri.UriSchemeHttp))
        {
            return CardActionGuard.BadInput("Give the link to the deliverable as a full web address (https://…).");
        }

        var completed = await groups.UpdateAsync(group.Community, group.Id, g =>
            g.Status == WorkingGroupStatus.Open ? g with { Status = WorkingGroupStatus.Completed, DeliverableLink = link, CompletedAt = clock.GetUtcNow() } : null, cancellationToken) ?? group;
        if (completed.Status == WorkingGroupStatus.Completed && group.Status == WorkingGroupStatus.Open)
        {
            await poster.PostCardAsync(completed.Place, CollaborateCards.Completed(completed), "Working group completed", cancellationToken);
        }

        await KeepDeliverableAsync(completed, cancellationToken);
        return CardActionResult.Replace(CollaborateCards.Group(completed));
    }

    /// <summary>A completed group's deliverable goes into the knowledge base, crediting every member who joined.</summary>
    private async Task KeepDeliverableAsync(WorkingGroup group, CancellationToken cancellationToken)
    {
        if (group.Status != WorkingGroupStatus.Completed || group.DeliverableLink is null)
        {
            return;
        }

        var place = group.Place;
        var members = group.Joined;
        var text = $"{group.Deliverable}: {group.DeliverableLink.AbsoluteUri}\nWorking group: {string.Join(", ", members.Select(m => $"{m.Name} ({m.Role})"))}.";
        await knowledge.AddAsync(
            new KnowledgeEntry(
                group.Community,
                KnowledgeKind.Deliverable,
                group.Id,
                group.Goal,
                text,
                [],
                [.. members.Select(m => new KnowledgeContributor(m.MemberId, m.Name))],
                new KnowledgeThread(place.ChannelId, place.ConversationId, place.QuestionActivityId, place.TenantId, ThreadLinks.For(place)),
                group.CompletedAt ?? clock.GetUtcNow()),
            cancellationToken);
    }

    public async Task<CardActionResult> CancelAsync(TurnContext turn, CardActionRequest action, CancellationToken cancellationToken)
    {
        var (group, refusal) = await SteerableAsync(turn, action, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        var cancelled = await groups.UpdateAsync(group!.Community, group.Id, g =>
            g.Status == WorkingGroupStatus.Open ? g with { Status = WorkingGroupStatus.Cancelled } : null, cancellationToken) ?? group;
        return CardActionResult.Replace(CollaborateCards.Group(cancelled));
    }

    /// <summary>The card's refresh (run by Teams when a member views it): the current state, nothing changed.</summary>
    public async Task<CardActionResult> RefreshAsync(TurnContext turn, CardActionRequest action, CancellationToken cancellationToken)
    {
        var group = await LoadAsync(action, cancellationToken);
        return group is null ? CardActionGuard.Unknown() : CardActionResult.Replace(CollaborateCards.Group(group));
    }

    private async Task<CardActionResult> EditTasksAsync(
        TurnContext turn, CardActionRequest action, Func<WorkingGroup, Protocol.ChannelAccount, (WorkingGroup? Changed, string? Error)> edit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var group = await LoadAsync(action, cancellationToken);
        if (group is null)
        {
            return CardActionGuard.Unknown();
        }

        var from = turn.Activity.From!;
        var isMember = group.Find(from.Id, from.AadObjectId) is { State: GroupMemberState.Joined };
        if (!isMember && !await authorization.IsRequesterOrFacilitatorAsync(group.Community, group.RequesterId, from, cancellationToken))
        {
            return CardActionGuard.Forbidden(NotAMember);
        }

        if (group.Status != WorkingGroupStatus.Open)
        {
            return CardActionGuard.Closed();
        }

        var (_, error) = edit(group, from);
        if (error is not null)
        {
            return CardActionGuard.BadInput(error);
        }

        var stored = await groups.UpdateAsync(group.Community, group.Id, g => g.Status == WorkingGroupStatus.Open ? edit(g, from).Changed : null, cancellationToken) ?? group;
        return CardActionResult.Replace(CollaborateCards.Group(stored));
    }

    private Task RedrawAsync(WorkingGroup group, CancellationToken cancellationToken) =>
        cards.RedrawAsync(CollaborateThreadJoins.Modality, group, cancellationToken);

    private async Task<(WorkingGroup? Group, GroupMember? Member, CardActionResult? Refusal)> InviteeAsync(TurnContext turn, CardActionRequest action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var group = await LoadAsync(action, cancellationToken);
        if (group is null)
        {
            return (null, null, CardActionGuard.Unknown());
        }

        var from = turn.Activity.From!;
        var member = group.Find(from.Id, from.AadObjectId);
        return member is null ? (group, null, CardActionGuard.Forbidden(NotInvited))
            : group.Status != WorkingGroupStatus.Open ? (group, member, CardActionResult.Replace(NoticeCard.Build("This working group is closed", group.Goal, NoticeKind.Info)))
            : (group, member, null);
    }

    private Task<(WorkingGroup? Request, CardActionResult? Refusal)> SteerableAsync(TurnContext turn, CardActionRequest action, CancellationToken cancellationToken) =>
        access.SteerableAsync(turn, action, CollaborateCardKeys.RequestId, groups.GetAsync, cancellationToken);

    private Task<WorkingGroup?> LoadAsync(CardActionRequest action, CancellationToken cancellationToken) =>
        access.LoadAsync(action, CollaborateCardKeys.RequestId, groups.GetAsync, cancellationToken);
}
