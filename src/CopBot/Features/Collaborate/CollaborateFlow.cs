using System.Globalization;
using CopBot.Cards;
using CopBot.Community;
using CopBot.Features.Query;
using CopBot.Features.Requests;
using CopBot.Turns;
using Microsoft.Extensions.Options;

namespace CopBot.Features.Collaborate;

/// <summary>
/// <c>collaborate &lt;goal&gt;</c> answers with the form; its button stores the group, posts the working-group card in
/// the thread and invites candidates 1:1 (or by @mention) to each open place: members whose profile has the role
/// (coordinator, knowledge manager) first, then the best-ranked members. A repeated press resumes instead of redoing.
/// </summary>
public sealed class CollaborateFlow(
    IExpertFinder finder,
    IProfileStore profiles,
    IWorkingGroupStore groups,
    IRequestThreadIndex threads,
    PendingInvitations<WorkingGroup> invitations,
    ThreadCardUpdates cards,
    ThreadPoster poster,
    IOptions<QueryOptions> community,
    IOptions<CollaborateOptions> options,
    TimeProvider clock)
{
    public const int MaxPlaces = 12;

    public async Task StartAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var goal = turn.Command.Argument.Length > WorkingGroup.MaxGoalLength ? turn.Command.Argument[..WorkingGroup.MaxGoalLength] : turn.Command.Argument;
        await turn.ReplyAsync(Form(goal.Length == 0 ? null : goal), "Form a working group", cancellationToken);
    }

    public async Task<CardActionResult> SubmitAsync(TurnContext turn, CardActionRequest action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(action);
        var goal = action.GetString(CollaborateCardKeys.Goal)?.Trim() ?? "";
        var deliverable = action.GetString(CollaborateCardKeys.Deliverable)?.Trim() ?? "";
        var roles = new List<RoleNeed>();
        foreach (var role in CollaborateCardKeys.Roles)
        {
            var text = action.GetString(CollaborateCardKeys.RoleCount(role));
            if (!string.IsNullOrEmpty(text) && (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count > 5))
            {
                return CardActionResult.Replace(Form(goal, $"Choose 0 to 5 people as {role}."));
            }

            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var needed) && needed > 0)
            {
                roles.Add(new RoleNeed(role, needed));
            }
        }

        var (deadline, dateError) = ClosingDates.Parse(action.GetString(CollaborateCardKeys.Deadline), clock.GetUtcNow(), options.Value.MaxDuration);
        var error = goal.Length is 0 or > WorkingGroup.MaxGoalLength ? $"Give the goal (up to {WorkingGroup.MaxGoalLength} characters)."
            : deliverable.Length is 0 or > 300 ? "Say what the group will produce (up to 300 characters)."
            : dateError is not null ? "Deadline: " + dateError
            : roles.Count == 0 ? "Ask for at least one person in one role."
            : roles.Sum(r => r.Count) > MaxPlaces ? $"A working group has at most {MaxPlaces} places."
            : null;
        if (error is not null)
        {
            return CardActionResult.Replace(Form(goal, error));
        }

        var group = await CreateOrResumeAsync(turn, goal, deliverable, deadline, roles, action.CardActivityId ?? turn.Activity.Id ?? "", cancellationToken);
        await threads.RegisterAsync(new RequestThread(group.Place.ConversationId, CollaborateThreadJoins.Modality, group.Community, group.Id), cancellationToken);
        if (group.CardActivityId is null)
        {
            var cardId = await poster.PostCardAsync(group.Place, CollaborateCards.Group(group), "Working group formed", cancellationToken);
            group = await groups.UpdateAsync(group.Community, group.Id, g => g with { CardActivityId = cardId }, cancellationToken) ?? group;
        }

        group = await invitations.InvitePendingAsync(group, cancellationToken);
        await cards.RedrawAsync(CollaborateThreadJoins.Modality, group, cancellationToken);
        return CardActionResult.Replace(NoticeCard.Build("Working group formed", $"{goal}: {group.Members.Count} members invited.", NoticeKind.Info));
    }

    /// <summary>What routing reads of a working group: its goal and deliverable.</summary>
    public static QueryText RequestText(string goal, string deliverable) => QueryText.Parse(goal + "\n" + deliverable);

    public static Task<CardActionResult> CancelFormAsync(TurnContext turn, CardActionRequest action, CancellationToken cancellationToken) =>
        Task.FromResult(CardActionResult.Replace(NoticeCard.Build("Cancelled", "Nothing was started. Type collaborate when you are ready.", NoticeKind.Info)));

    private AdaptiveCard Form(string? goal, string? error = null)
    {
        var (earliest, latest) = ClosingDates.Range(clock.GetUtcNow(), options.Value.MaxDuration);
        return WorkingGroupFormCard.Build(earliest, latest, goal, error);
    }

    private async Task<WorkingGroup> CreateOrResumeAsync(
        TurnContext turn, string goal, string deliverable, DateTimeOffset deadline, List<RoleNeed> roles, string requestActivityId, CancellationToken cancellationToken)
    {
        var requester = turn.Activity.From!;
        var name = community.Value.Community;
        var search = await finder.FindAsync(name, RequestText(goal, deliverable), requester.Id!, roles.Sum(r => r.Count) + 5, cancellationToken);
        var everyone = await profiles.ListAsync(name, cancellationToken);
        var members = new List<GroupMember>();
        bool Free(string id) => id != requester.Id && members.All(m => m.MemberId != id);
        foreach (var need in roles)
        {
            var withRole = RoleOf(need.Role) is { } role
                ? everyone.Where(p => p.Roles.Contains(role) && Free(p.Id)).Select(p => new GroupMember(p.Id, p.Name, need.Role, [$"{need.Role} in the community"]) { AadObjectId = p.AadObjectId })
                : [];
            var ranked = search.Matches.Where(m => Free(m.ExpertId)).Select(m => new GroupMember(m.ExpertId, m.Name, need.Role, m.Why) { AadObjectId = m.AadObjectId });
            members.AddRange(withRole.Concat(ranked).DistinctBy(m => m.MemberId).Take(need.Count).ToList());
        }

        var place = ThreadLinks.PlaceOf(turn.Activity, requestActivityId);
        var group = new WorkingGroup(
            name, RequestIds.From("w-", place.ChannelId, place.ConversationId, place.QuestionActivityId), goal, deliverable, place,
            requester.Id!, requester.Name ?? "A member", clock.GetUtcNow(), deadline, roles, members);
        var (stored, _) = await groups.CreateAsync(group, cancellationToken);
        return stored;
    }

    private static CommunityRole? RoleOf(string role) => role switch
    {
        "coordinator" => CommunityRole.Coordinator,
        "knowledge manager" => CommunityRole.KnowledgeManager,
        _ => null,
    };
}
