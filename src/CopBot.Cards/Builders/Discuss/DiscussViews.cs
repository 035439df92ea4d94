namespace CopBot.Cards;

/// <summary>One invited member on the topic card: name and where they stand (invited, joined, not now).</summary>
public sealed record DiscussInviteeLine(string Name, string Status);

/// <summary>What the topic card shows. Dates are preformatted by the host (UTC).</summary>
public sealed record DiscussionTopicView(
    string RequestId,
    string Topic,
    string? FramingQuestion,
    string RequesterName,
    string ClosesAt,
    int ContributorCount,
    int ContributionCount,
    IReadOnlyList<DiscussInviteeLine> Invitees)
{
    /// <summary>"Open", "Closed: handed to the facilitators" or "Cancelled".</summary>
    public string Status { get; init; } = "Open";

    public bool IsOpen { get; init; } = true;

    public string? Note { get; init; }

    /// <summary>Who was invited in place of a member who declined, e.g. "Grace was invited in place of Kalani."</summary>
    public string? ReplacementNote { get; init; }

    /// <summary>The earliest and latest closing dates the Extend input accepts.</summary>
    public DateOnly? ExtendMin { get; init; }

    public DateOnly? ExtendMax { get; init; }
}

/// <summary>The 1:1 invitation.</summary>
public sealed record DiscussionInviteView(string RequestId, string Topic, string? FramingQuestion, string RequesterName, IReadOnlyList<string> Why, string ClosesAt)
{
    /// <summary>Deep link to the thread; null in chats (the invitation then says to reply in the chat).</summary>
    public Uri? ThreadLink { get; init; }
}

/// <summary>The hand-over card: the thread is ready for a facilitator's synthesis.</summary>
public sealed record ReadyForSynthesisView(string RequestId, string Topic, string RequesterName, int ContributionCount, IReadOnlyList<string> Contributors)
{
    public Uri? ThreadLink { get; init; }
}
