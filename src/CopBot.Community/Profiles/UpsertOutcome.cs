namespace CopBot.Community;

/// <summary>What an upsert did, so imports can report created / updated / unchanged counts.</summary>
public enum UpsertOutcome
{
    Created,
    Updated,
    Unchanged,
}
