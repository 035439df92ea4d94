namespace CopBot.Community;

/// <summary>Counts so far, reported after every non-blank line.</summary>
public sealed record ImportProgress(int LinesRead, int Created, int Updated, int Unchanged, int Rejected);
