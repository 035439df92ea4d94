namespace CopBot.Community;

/// <summary>A rejected line: its 1-based number, the profile id when it could be read, and why.</summary>
public sealed record ImportError(int LineNumber, string? ProfileId, string Reason)
{
    public override string ToString() =>
        ProfileId is null ? $"line {LineNumber}: {Reason}" : $"line {LineNumber} ({ProfileId}): {Reason}";
}
