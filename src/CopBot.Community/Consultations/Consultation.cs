namespace CopBot.Community;

public enum ConsultationStatus
{
    Open,

    /// <summary>Deadline reached (or closed early): the summary went to the requester and the facilitators.</summary>
    Closed,

    Cancelled,
}

public enum ReviewerState
{
    Invited,
    Reviewed,
    Declined,
}

/// <summary>
/// One reviewer of a consultation and their review. A review is one answer per question (null when skipped) and an
/// overall rating; it can be edited until the deadline, and only its own reviewer ever writes it.
/// </summary>
public sealed record ReviewerAssignment(string MemberId, string Name, IReadOnlyList<string> Why) : IInvitee
{
    public string? AadObjectId { get; init; }

    /// <summary>Set when this member was invited in place of one who declined (their name).</summary>
    public string? InPlaceOf { get; init; }

    public ReviewerState State { get; init; } = ReviewerState.Invited;

    public NotificationChannel NotifiedBy { get; init; } = NotificationChannel.None;

    public string? PersonalConversationId { get; init; }

    public string? CardActivityId { get; init; }

    public IReadOnlyList<string?> Answers { get; init; } = [];

    /// <summary>1 (poor) to 5 (excellent); null when not given.</summary>
    public int? Rating { get; init; }

    public string? DeclineReason { get; init; }

    /// <summary>A review written as replies in the thread (reviewers the bot could only @mention), in order.</summary>
    public string? Comments { get; init; }

    public DateTimeOffset? SubmittedAt { get; init; }

    public DateTimeOffset? UpdatedAt { get; init; }

    public bool Is(string? userId, string? aadObjectId) =>
        (userId is not null && userId == MemberId)
        || (aadObjectId is not null && (string.Equals(aadObjectId, MemberId, StringComparison.OrdinalIgnoreCase)
            || string.Equals(aadObjectId, AadObjectId, StringComparison.OrdinalIgnoreCase)));
}

/// <summary>
/// "We would like your comments": a document, up to five questions, a deadline, and the reviewers with their
/// reviews. One row, so every review is one ETag-guarded write that re-applies on the freshest state: two reviewers
/// submitting at once both land.
/// </summary>
public sealed record Consultation(
    string Community,
    string Id,
    string Title,
    Uri Document,
    IReadOnlyList<string> Questions,
    IReadOnlyList<string> Tags,
    QueryPlace Place,
    string RequesterId,
    string RequesterName,
    DateTimeOffset CreatedAt,
    DateTimeOffset Deadline,
    IReadOnlyList<ReviewerAssignment> Reviewers) : ICommunityRequest
{
    public const int MaxQuestions = 5;
    public const int MaxTitleLength = 300;
    public const int MaxQuestionLength = 500;
    public const int MaxAnswerLength = 4000;

    public ConsultationStatus Status { get; init; } = ConsultationStatus.Open;

    /// <summary>The status card in the thread, redrawn in place.</summary>
    public string? ThreadCardActivityId { get; init; }

    /// <summary>When the pre-deadline reminder went out; set once.</summary>
    public DateTimeOffset? RemindedAt { get; init; }

    /// <summary>When an instance began sending the summary; a stale claim (a crash mid-way) is taken over.</summary>
    public DateTimeOffset? SummaryStartedAt { get; init; }

    public string? ClosedBy { get; init; }

    public ReviewerAssignment? Find(string? userId, string? aadObjectId) => Reviewers.FirstOrDefault(r => r.Is(userId, aadObjectId));

    public Consultation With(ReviewerAssignment changed) =>
        this with { Reviewers = [.. Reviewers.Select(r => r.MemberId == changed.MemberId ? changed : r)] };

    public int ReviewsReceived => Reviewers.Count(r => r.State == ReviewerState.Reviewed);
}

public enum ConsultationStep
{
    /// <summary>The deadline is near: remind the reviewers who have not reviewed, once.</summary>
    Remind,

    /// <summary>The deadline has passed: send the summary and close.</summary>
    Summarize,
}

/// <summary>What a consultation's clock asks for now. Pure.</summary>
public static class ConsultationDeadlines
{
    public static ConsultationStep? Due(Consultation consultation, DateTimeOffset now, TimeSpan remindBefore)
    {
        ArgumentNullException.ThrowIfNull(consultation);
        if (consultation.Status != ConsultationStatus.Open)
        {
            return null;
        }

        if (now >= consultation.Deadline)
        {
            return ConsultationStep.Summarize;
        }

        return consultation.RemindedAt is null && now >= consultation.Deadline - remindBefore
            && consultation.Reviewers.Any(r => r.State == ReviewerState.Invited)
            ? ConsultationStep.Remind
            : null;
    }
}

/// <summary>Consultations in Table Storage; every change is an optimistic read-modify-write.</summary>
public interface IConsultationStore : IRequestStore<Consultation>
{
    Task<(Consultation Stored, bool Created)> CreateAsync(Consultation consultation, CancellationToken cancellationToken);

    /// <summary>Every one of the community's, whatever its state (for the indicators).</summary>
    Task<IReadOnlyList<Consultation>> ListAsync(string community, CancellationToken cancellationToken);
}
