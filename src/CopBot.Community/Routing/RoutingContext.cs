namespace CopBot.Community;

/// <summary>
/// What routing needs to know about "now" that is not in the profiles: the clock, open requests per expert, who is
/// busy until when (beside the profile's own <see cref="ExpertProfile.BusyUntil"/>), how many requests each expert
/// got recently (for the fairness cap) and learned feedback. The host builds it with <see cref="RoutingContextBuilder"/>;
/// an empty dictionary means "nothing known".
/// </summary>
public sealed record RoutingContext(DateTimeOffset Now)
{
    /// <summary>Per profile id: open queries where the expert is asked now and has not answered or declined.</summary>
    public IReadOnlyDictionary<string, int> OpenRequests { get; init; } = new Dictionary<string, int>();

    public IReadOnlyDictionary<string, DateTimeOffset> BusyUntil { get; init; } = new Dictionary<string, DateTimeOffset>();

    /// <summary>Requests routed to each expert within the fairness window the caller chose.</summary>
    public IReadOnlyDictionary<string, int> RecentRequests { get; init; } = new Dictionary<string, int>();

    public IReadOnlyList<RoutingFeedback> Feedback { get; init; } = [];
}
