namespace CopBot.Community;

/// <summary>A topic of the query with its weight: 1 for explicit tags, less for topics inferred from the text.</summary>
internal readonly record struct InferredTopic(string Tag, double Weight, bool Explicit);
