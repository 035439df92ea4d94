namespace CopBot.Community;

/// <summary>
/// Learned feedback for one expert on one topic: an accepted or well-rated answer is a positive delta, "not my area"
/// a negative one. Deltas of the same (expert, tag) add up; storing them is the caller's business.
/// </summary>
public sealed record RoutingFeedback(string ExpertId, string Tag, double Delta);
