namespace CopBot.Cards;

/// <summary><c>Input.Date</c>. Dates are written as the schema's <c>yyyy-MM-dd</c>.</summary>
public sealed record DateInput : CardInput
{
    public DateInput(string id)
        : base("Input.Date", id)
    {
    }

    public DateOnly? Min { get; init; }

    public DateOnly? Max { get; init; }

    /// <summary>Initial value.</summary>
    public DateOnly? Value { get; init; }
}
