namespace CopBot.Cards;

/// <summary><c>Input.Number</c>. Clients may not enforce the bounds, so the host validates the value again.</summary>
public sealed record NumberInput : CardInput
{
    public NumberInput(string id)
        : base("Input.Number", id)
    {
    }

    public double? Min { get; init; }

    public double? Max { get; init; }

    /// <summary>Initial value.</summary>
    public double? Value { get; init; }

    public string? Placeholder { get; init; }
}
