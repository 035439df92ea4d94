using System.Text.Json.Serialization;

namespace CopBot.Cards;

/// <summary>
/// Base of every body element. <see cref="Type"/> is a real property (ordered first) rather than a
/// System.Text.Json discriminator so it is written whatever the declared type of the reference is.
/// </summary>
// Derived types are listed so a list of CardElement serialises each item with its own properties.
[JsonDerivedType(typeof(TextBlock))]
[JsonDerivedType(typeof(FactSet))]
[JsonDerivedType(typeof(ColumnSet))]
[JsonDerivedType(typeof(Container))]
[JsonDerivedType(typeof(TextInput))]
[JsonDerivedType(typeof(ChoiceSetInput))]
[JsonDerivedType(typeof(DateInput))]
[JsonDerivedType(typeof(NumberInput))]
[JsonDerivedType(typeof(ActionSet))]
public abstract record CardElement
{
    private protected CardElement(string type) => Type = type;

    /// <summary>The schema's element type, e.g. <c>TextBlock</c>.</summary>
    [JsonPropertyOrder(int.MinValue)]
    public string Type { get; }

    [JsonPropertyOrder(-1)]
    public string? Id { get; init; }

    public Spacing? Spacing { get; init; }

    public bool? Separator { get; init; }
}
