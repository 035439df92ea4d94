namespace CopBot.Community;

/// <summary>A question the person answered in the past; routing uses it as evidence of expertise.</summary>
public sealed record AnsweredQuestion(string Title, string? Text, IReadOnlyList<string> Tags, DateTimeOffset? At)
{
    /// <summary>
    /// Set on items the bot recorded itself (e.g. <c>query:{request id}</c>, see <see cref="ProfileHistory"/>): one item
    /// per key, and a re-import keeps them. Null for imported items.
    /// </summary>
    public string? Key { get; init; }

    // Records compare lists by reference; profiles are compared by value to detect unchanged imports.
    public bool Equals(AnsweredQuestion? other) =>
        other is not null
        && Title == other.Title
        && Text == other.Text
        && Tags.SequenceEqual(other.Tags)
        && At == other.At
        && Key == other.Key;

    public override int GetHashCode() => HashCode.Combine(Title, Text, At, Key);
}
