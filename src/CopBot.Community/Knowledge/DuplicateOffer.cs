namespace CopBot.Community;

public enum DuplicateOfferState
{
    /// <summary>The matches were offered; the asker has not answered yet. Nothing is routed meanwhile.</summary>
    Pending,

    /// <summary>"Yes, thanks": the knowledge base answered it; nobody is asked.</summary>
    Accepted,

    /// <summary>"No, ask the experts": the question is routed as usual.</summary>
    Rejected,
}

/// <summary>
/// Knowledge-base entries offered to an asker before routing. Its id is the id the query would get, so a redelivered
/// question finds the offer instead of making another, and a rejected offer routes into that very query.
/// </summary>
public sealed record DuplicateOffer(string Community, string Id, QueryAsk Ask, IReadOnlyList<string> EntryIds, DateTimeOffset CreatedAt)
{
    public DuplicateOfferState State { get; init; } = DuplicateOfferState.Pending;

    /// <summary>The offer card in the thread; null until posted, so a retry posts it rather than losing it.</summary>
    public string? CardActivityId { get; init; }

    public DateTimeOffset? SettledAt { get; init; }
}
