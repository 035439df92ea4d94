namespace CopBot.Community;

public enum QueryStatus
{
    /// <summary>Experts are being asked; answers may still come.</summary>
    Open,

    /// <summary>The asker (or a facilitator) marked it answered: no more routing or reminders.</summary>
    Closed,
}

/// <summary>
/// A member's question and everything routing did with it. Stored as one row, so every change (an answer, a
/// decline, the next expert asked) is one ETag-guarded write: two experts answering at once both land.
/// </summary>
public sealed record QueryRequest(
    string Community,
    string Id,
    string Question,
    IReadOnlyList<string> Tags,
    QueryPlace Place,
    string AskerId,
    string AskerName,
    DateTimeOffset CreatedAt,
    IReadOnlyList<ExpertAssignment> Experts)
{
    public QueryStatus Status { get; init; } = QueryStatus.Open;

    public bool IsUrgent { get; init; }

    /// <summary>The #tags and the topics routing inferred from the text; "not my area" feedback applies to these.</summary>
    public IReadOnlyList<string> Topics { get; init; } = [];

    /// <summary>The acknowledgement card in the thread, updated in place as answers arrive.</summary>
    public string? AckActivityId { get; init; }

    /// <summary>When the facilitators were told this query is a knowledge gap (claimed before telling, so once only).</summary>
    public DateTimeOffset? GapNoticeSentAt { get; init; }

    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyList<ExpertAssignment> Answered => [.. Experts.Where(e => e.State == AssignmentState.Answered)];

    public ExpertAssignment? Find(string? userId, string? aadObjectId) => Experts.FirstOrDefault(e => e.Is(userId, aadObjectId));

    /// <summary>The best-ranked expert not asked yet, the next in line after a decline.</summary>
    public ExpertAssignment? NextWaiting => Experts.FirstOrDefault(e => e.State == AssignmentState.Waiting);

    public QueryRequest With(ExpertAssignment changed) =>
        this with { Experts = [.. Experts.Select(e => e.ExpertId == changed.ExpertId ? changed : e)] };
}

/// <summary>Where the question was asked: the thread answers are posted to.</summary>
/// <param name="ConversationId">The thread (for a channel, <c>{channel};messageid={root}</c>) or chat id.</param>
public sealed record QueryPlace(string ChannelId, string ServiceUrl, string ConversationId, string? TenantId, string? BotId, string? BotName, string QuestionActivityId);
