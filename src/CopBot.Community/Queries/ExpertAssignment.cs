namespace CopBot.Community;

public enum AssignmentState
{
    /// <summary>Ranked but not asked yet: the next in line when someone declines.</summary>
    Waiting,

    Asked,
    Answered,
    Declined,

    /// <summary>No answer within the community's answer window; the next expert was asked. A late answer is still welcome.</summary>
    TimedOut,
}

/// <summary>The asker's verdict on one answer; "helpful" raises the expert's routing for the question's topics.</summary>
public enum AnswerRating
{
    Helpful,
    NotHelpful,
}

/// <summary>How an expert was reached: a 1:1 card, or an @mention in the thread when they never installed the bot.</summary>
public enum NotificationChannel
{
    None,
    PersonalCard,
    ThreadMention,
}

/// <summary>One ranked expert for a query and what happened with them.</summary>
public sealed record ExpertAssignment(string ExpertId, string Name, double Score, IReadOnlyList<string> Why)
{
    public AssignmentState State { get; init; } = AssignmentState.Waiting;

    public string? AadObjectId { get; init; }

    /// <summary>The profile's e-mail: reaches an expert imported without Teams or Entra id once a roster lists that address.</summary>
    public string? Email { get; init; }

    /// <summary>True when this Teams user is this expert (profiles may be keyed by the 29: id or the Entra object id).</summary>
    public bool Is(string? userId, string? aadObjectId) =>
        (userId is not null && userId == ExpertId)
        || (aadObjectId is not null && (string.Equals(aadObjectId, ExpertId, StringComparison.OrdinalIgnoreCase)
            || string.Equals(aadObjectId, AadObjectId, StringComparison.OrdinalIgnoreCase)));

    public NotificationChannel NotifiedBy { get; init; } = NotificationChannel.None;

    /// <summary>The 1:1 conversation and the card in it, so the card can be replaced once acted on.</summary>
    public string? PersonalConversationId { get; init; }

    public string? CardActivityId { get; init; }

    public DateTimeOffset? AskedAt { get; init; }

    public string? Answer { get; init; }

    public DateTimeOffset? AnsweredAt { get; init; }

    /// <summary>When the answer card reached the thread; null after a failed post, so a retry posts it instead of losing it.</summary>
    public DateTimeOffset? AnswerPostedAt { get; init; }

    public string? DeclineReason { get; init; }

    /// <summary>The asker's rating of this answer; a new rating replaces the previous one.</summary>
    public AnswerRating? Rating { get; init; }

    /// <summary>When the half-window reminder went out; set once, so a reminder is never sent twice.</summary>
    public DateTimeOffset? RemindedAt { get; init; }
}
