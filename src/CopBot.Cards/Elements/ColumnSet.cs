using System.Text.Json.Serialization;

namespace CopBot.Cards;

/// <summary>Lays <see cref="Column"/>s out side by side.</summary>
public sealed record ColumnSet(IReadOnlyList<Column> Columns) : CardElement("ColumnSet");

/// <summary>
/// One column of a <see cref="ColumnSet"/>. Not a <see cref="CardElement"/>: the schema only allows
/// columns inside a column set, so the type system does too.
/// </summary>
public sealed record Column(IReadOnlyList<CardElement> Items)
{
    [JsonPropertyOrder(int.MinValue)]
    public string Type { get; } = "Column";

    public ColumnWidth? Width { get; init; }

    public ContainerStyle? Style { get; init; }

    public Spacing? Spacing { get; init; }

    public bool? Separator { get; init; }
}
