namespace CopBot.Cards;

/// <summary>One routed expert as the thread's acknowledgement card shows them.</summary>
/// <param name="Status">Plain words: "asked", "answered", "declined", "waiting".</param>
public sealed record QueryExpertLine(string Name, string Why, string Status);

/// <summary>One answer the asker can rate on the closed acknowledgement card.</summary>
/// <param name="ExpertId">Sent back with the rating; the host checks it against the stored query.</param>
/// <param name="Helpful">The current rating: true, false, or null when not rated yet.</param>
public sealed record QueryRatingLine(string ExpertId, string Name, bool? Helpful);

/// <summary>The acknowledgement card posted in the asker's thread and updated in place.</summary>
public sealed record QueryAckView(
    string RequestId,
    string Question,
    IReadOnlyList<string> Tags,
    string AskerName,
    IReadOnlyList<QueryExpertLine> Experts,
    int AnswerCount,
    bool IsClosed)
{
    /// <summary>A note under the expert list, e.g. who had to be @mentioned because they never installed the bot.</summary>
    public string? Note { get; init; }

    public bool IsUrgent { get; init; }

    /// <summary>The answers the asker can rate, offered once the question is closed.</summary>
    public IReadOnlyList<QueryRatingLine> Ratings { get; init; } = [];

    /// <summary>Matching experts exist but none has been asked yet (the card is posted first, then updated).</summary>
    public bool IsRouting { get; init; }
}

/// <summary>The 1:1 card asking one expert to answer.</summary>
public sealed record ExpertRequestView(string RequestId, string Question, IReadOnlyList<string> Tags, string AskerName, IReadOnlyList<string> Why)
{
    /// <summary>Link to the thread in Teams, when the question was asked in a channel.</summary>
    public Uri? ThreadLink { get; init; }
}

/// <summary>An expert's answer as posted in the asker's thread.</summary>
public sealed record AnswerView(string ExpertName, string Answer, string Question);
