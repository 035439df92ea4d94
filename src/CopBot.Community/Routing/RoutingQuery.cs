namespace CopBot.Community;

/// <summary>A question to route. <paramref name="Tags"/> may be empty: topics are then inferred from the text;
/// <c>#hashtags</c> inside the text count as explicit tags too.</summary>
public sealed record RoutingQuery(string Text, IReadOnlyList<string> Tags, string? AskerId, int Top);
