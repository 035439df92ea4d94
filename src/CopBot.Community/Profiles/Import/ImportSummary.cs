namespace CopBot.Community;

/// <summary>The outcome of an import; <see cref="Errors"/> lists every rejected line in file order.</summary>
public sealed record ImportSummary(int Created, int Updated, int Unchanged, IReadOnlyList<ImportError> Errors)
{
    public int Imported => Created + Updated + Unchanged;
}
