namespace CopBot.Community;

/// <summary>One routed expert: the score orders the list; <paramref name="Why"/> holds short sentences for people.</summary>
public sealed record RankedExpert(string Id, string Name, double Score, IReadOnlyList<string> Why);
