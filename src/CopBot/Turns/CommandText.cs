namespace CopBot.Turns;

/// <summary>A chat command: its first word, lower-cased, and the rest of the text.</summary>
public sealed record CommandText(string Command, string Argument)
{
    public static CommandText Parse(string? text)
    {
        var trimmed = (text ?? string.Empty).Trim();
        var split = trimmed.IndexOfAny([' ', '\t', '\r', '\n']);
        return split < 0
            ? new CommandText(trimmed.ToLowerInvariant(), string.Empty)
            : new CommandText(trimmed[..split].ToLowerInvariant(), trimmed[(split + 1)..].Trim());
    }

    public bool Is(string command) => string.Equals(Command, command, StringComparison.Ordinal);
}
