namespace CopBot.Cards;

/// <summary>Groups elements, e.g. to give them a coloured background through <see cref="Style"/>.</summary>
public sealed record Container(IReadOnlyList<CardElement> Items) : CardElement("Container")
{
    public ContainerStyle? Style { get; init; }
}
