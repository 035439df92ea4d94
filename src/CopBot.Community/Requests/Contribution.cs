namespace CopBot.Community;

/// <summary>
/// One member's contribution to a request (a reply in a discussion thread, a review, …), kept verbatim so a
/// facilitator's synthesis can read and credit it later. Keyed by the activity that carried it: a redelivery is
/// the same contribution.
/// </summary>
public sealed record Contribution(string RequestId, string ActivityId, string AuthorId, string AuthorName, string Text, DateTimeOffset At)
{
    /// <summary>Longer texts are cut: a synthesis needs the substance, and one table property holds 32 Ki characters.</summary>
    public const int MaxTextLength = 8000;
}

/// <summary>Contributions in Table Storage, one partition per request.</summary>
public interface IContributionStore
{
    /// <summary>Stores it; false when a contribution with the same activity id was stored before (nothing changes).</summary>
    Task<bool> AddAsync(Contribution contribution, CancellationToken cancellationToken);

    /// <summary>Every contribution to the request, oldest first.</summary>
    Task<IReadOnlyList<Contribution>> ListContributionsAsync(string requestId, CancellationToken cancellationToken);
}
