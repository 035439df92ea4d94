namespace CopBot.Community;

/// <summary>
/// The outcome of routing. <paramref name="IsGap"/> means nobody's evidence reached the gap threshold: the caller
/// records a knowledge gap for <paramref name="InferredTopics"/> (experts may still be listed, by activity).
/// </summary>
public sealed record RoutingResult(IReadOnlyList<RankedExpert> Experts, IReadOnlyList<string> InferredTopics, bool IsGap);
