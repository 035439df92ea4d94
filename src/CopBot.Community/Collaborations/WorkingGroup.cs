namespace CopBot.Community;

public enum WorkingGroupStatus
{
    Open,

    /// <summary>The deliverable is done and recorded; every member credited.</summary>
    Completed,

    Cancelled,
}

public enum GroupMemberState
{
    Invited,
    Joined,
    NotNow,
}

/// <summary>A role the group needs and how many people in it (e.g. two experts).</summary>
public sealed record RoleNeed(string Role, int Count);

/// <summary>A member invited to (or in) the group, in one role.</summary>
public sealed record GroupMember(string MemberId, string Name, string Role, IReadOnlyList<string> Why) : IInvitee
{
    public string? AadObjectId { get; init; }

    /// <summary>Set when this member was invited in place of one who declined (their name).</summary>
    public string? InPlaceOf { get; init; }

    public GroupMemberState State { get; init; } = GroupMemberState.Invited;

    public NotificationChannel NotifiedBy { get; init; } = NotificationChannel.None;

    public string? PersonalConversationId { get; init; }

    public string? CardActivityId { get; init; }

    public bool Is(string? userId, string? aadObjectId) =>
        (userId is not null && userId == MemberId)
        || (aadObjectId is not null && (string.Equals(aadObjectId, MemberId, StringComparison.OrdinalIgnoreCase)
            || string.Equals(aadObjectId, AadObjectId, StringComparison.OrdinalIgnoreCase)));
}

/// <summary>One item of the group's checklist.</summary>
public sealed record GroupTask(string Id, string Title, string AddedBy)
{
    public const int MaxTitleLength = 200;

    public string? AssigneeId { get; init; }

    public string? AssigneeName { get; init; }

    public bool Done { get; init; }
}

/// <summary>
/// "Let us write it down once and for all": a goal, a deliverable, a deadline, the roles needed, the members who took
/// them and the task checklist. One row, so every change is one ETag-guarded write.
/// </summary>
public sealed record WorkingGroup(
    string Community,
    string Id,
    string Goal,
    string Deliverable,
    QueryPlace Place,
    string RequesterId,
    string RequesterName,
    DateTimeOffset CreatedAt,
    DateTimeOffset Deadline,
    IReadOnlyList<RoleNeed> Roles,
    IReadOnlyList<GroupMember> Members) : ICommunityRequest
{
    public const int MaxTasks = 40;
    public const int MaxGoalLength = 500;

    public WorkingGroupStatus Status { get; init; } = WorkingGroupStatus.Open;

    /// <summary>The working-group card in the thread, updated in place.</summary>
    public string? CardActivityId { get; init; }

    public IReadOnlyList<GroupTask> Tasks { get; init; } = [];

    /// <summary>When the last weekly progress round was recorded (its card enqueued first, so never lost).</summary>
    public DateTimeOffset? LastProgressAt { get; init; }

    /// <summary>How many progress rounds were recorded: the next card is round <c>ProgressRound + 1</c>, its idempotency key.</summary>
    public int ProgressRound { get; init; }

    /// <summary>The activity id of the latest progress card posted in the thread.</summary>
    public string? ProgressCardActivityId { get; init; }

    public Uri? DeliverableLink { get; init; }

    public DateTimeOffset? CompletedAt { get; init; }

    public GroupMember? Find(string? userId, string? aadObjectId) => Members.FirstOrDefault(m => m.Is(userId, aadObjectId));

    public IReadOnlyList<GroupMember> Joined => [.. Members.Where(m => m.State == GroupMemberState.Joined)];

    public int Filled(string role) => Members.Count(m => m.Role == role && m.State == GroupMemberState.Joined);

    public WorkingGroup With(GroupMember changed) =>
        this with { Members = [.. Members.Select(m => m.MemberId == changed.MemberId ? changed : m)] };

    public WorkingGroup With(GroupTask changed) =>
        this with { Tasks = [.. Tasks.Select(t => t.Id == changed.Id ? changed : t)] };

    /// <summary>True when a progress card is due: a week since the last one (or since the start).</summary>
    public bool ProgressDue(DateTimeOffset now, TimeSpan every) =>
        Status == WorkingGroupStatus.Open && now - (LastProgressAt ?? CreatedAt) >= every;
}

/// <summary>Working groups in Table Storage; every change is an optimistic read-modify-write.</summary>
public interface IWorkingGroupStore : IRequestStore<WorkingGroup>
{
    Task<(WorkingGroup Stored, bool Created)> CreateAsync(WorkingGroup group, CancellationToken cancellationToken);

    /// <summary>Every one of the community's, whatever its state (for the indicators).</summary>
    Task<IReadOnlyList<WorkingGroup>> ListAsync(string community, CancellationToken cancellationToken);
}
