namespace CopBot.Community;

/// <summary>
/// What routing needs to know about "now" that is not in the profiles: the clock, open requests per expert, who is
/// busy until when, how many requests each expert got recently (for the fairness cap) and learned feedback.
/// Request storage supplies these; an empty dictionary means "nothing known".
/// </summary>
public sealed record RoutingContext(DateTimeOffset Now)
{
    public IReadOnlyDictionary<string, int> OpenRequests { get; init; } = new Dictionary<string, int>();

    public IReadOnlyDictionary<string, DateTimeOffset> BusyUntil { get; init; } = new Dictionary<string, DateTimeOffset>();

    /// <summary>Requests routed to each expert within the fairness window the caller chose.</summary>
    public IReadOnlyDictionary<string, int> RecentRequests { get; init; } = new Dictionary<string, int>();

    public IReadOnlyList<RoutingFeedback> Feedback { get; init; } = [];
}
