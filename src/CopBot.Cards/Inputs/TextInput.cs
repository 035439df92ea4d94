namespace CopBot.Cards;

/// <summary><c>Input.Text</c>: free text, single or multi-line.</summary>
public sealed record TextInput : CardInput
{
    public TextInput(string id)
        : base("Input.Text", id)
    {
    }

    public string? Placeholder { get; init; }

    public bool? IsMultiline { get; init; }

    public int? MaxLength { get; init; }

    /// <summary>Initial value.</summary>
    public string? Value { get; init; }
}
