namespace CopBot.Community;

public enum DiscussionStatus
{
    Open,

    /// <summary>Closing date reached (or closed early): handed to the facilitators for synthesis.</summary>
    Closed,

    /// <summary>Cancelled by the requester or a facilitator: no hand-over.</summary>
    Cancelled,
}

public enum InviteState
{
    Invited,

    /// <summary>Replied in the thread.</summary>
    Joined,

    /// <summary>Pressed "Not now": no nudges.</summary>
    NotNow,
}

/// <summary>A member invited to a discussion, and how they were reached (for the nudge and the card replacement).</summary>
public sealed record DiscussionInvitee(string MemberId, string Name, IReadOnlyList<string> Why) : IInvitee
{
    public string? AadObjectId { get; init; }

    /// <summary>Set when this member was invited in place of one who declined (their name).</summary>
    public string? InPlaceOf { get; init; }

    public InviteState State { get; init; } = InviteState.Invited;

    public NotificationChannel NotifiedBy { get; init; } = NotificationChannel.None;

    public string? PersonalConversationId { get; init; }

    public string? CardActivityId { get; init; }

    public bool Is(string? userId, string? aadObjectId) =>
        (userId is not null && userId == MemberId)
        || (aadObjectId is not null && (string.Equals(aadObjectId, MemberId, StringComparison.OrdinalIgnoreCase)
            || string.Equals(aadObjectId, AadObjectId, StringComparison.OrdinalIgnoreCase)));
}

/// <summary>
/// "How have you dealt with a similar problem?": a topic opened to the community in a thread, the members invited,
/// and a running tally of contributions (the texts themselves are in <see cref="IContributionStore"/>). One row, so
/// every change is one ETag-guarded write.
/// </summary>
public sealed record Discussion(
    string Community,
    string Id,
    string Topic,
    string? FramingQuestion,
    IReadOnlyList<string> Tags,
    QueryPlace Place,
    string RequesterId,
    string RequesterName,
    DateTimeOffset CreatedAt,
    DateTimeOffset ClosesAt,
    IReadOnlyList<DiscussionInvitee> Invitees) : ICommunityRequest
{
    public const int MaxTopicLength = 500;
    public const int MaxFramingLength = 1000;

    public DiscussionStatus Status { get; init; } = DiscussionStatus.Open;

    /// <summary>The topic card in the thread, redrawn in place as contributions arrive.</summary>
    public string? TopicCardActivityId { get; init; }

    /// <summary>True once every invitation went out (a redelivered command resumes the rest otherwise).</summary>
    public bool InvitationsSent { get; init; }

    public IReadOnlyList<string> ContributorNames { get; init; } = [];

    public int ContributionCount { get; init; }

    public DateTimeOffset? LastContributionAt { get; init; }

    /// <summary>When the quiet-thread nudge went out; set once, so it is never sent twice.</summary>
    public DateTimeOffset? NudgedAt { get; init; }

    /// <summary>When an instance began the hand-over; a stale claim (a crash mid-way) is taken over.</summary>
    public DateTimeOffset? HandOverStartedAt { get; init; }

    public string? ClosedBy { get; init; }

    public DiscussionInvitee? Find(string? userId, string? aadObjectId) => Invitees.FirstOrDefault(i => i.Is(userId, aadObjectId));

    public Discussion With(DiscussionInvitee changed) =>
        this with { Invitees = [.. Invitees.Select(i => i.MemberId == changed.MemberId ? changed : i)] };
}

/// <summary>Discussions in Table Storage; every change is an optimistic read-modify-write.</summary>
public interface IDiscussionStore : IRequestStore<Discussion>
{
    /// <summary>Stores a new discussion; when one with the same id exists (a redelivered command) returns that one and false.</summary>
    Task<(Discussion Stored, bool Created)> CreateAsync(Discussion discussion, CancellationToken cancellationToken);

    /// <summary>Every one of the community's, whatever its state (for the indicators).</summary>
    Task<IReadOnlyList<Discussion>> ListAsync(string community, CancellationToken cancellationToken);
}
