using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CopBot.Cards;

/// <summary>How a <see cref="ColumnWidth"/> is expressed.</summary>
public enum ColumnWidthKind
{
    Auto,
    Stretch,
    Pixels,
    Weight,
}

/// <summary>
/// A column width as the schema spells it: <c>"auto"</c>, <c>"stretch"</c>, pixels (<c>"50px"</c>) or a
/// relative weight (a bare number). <c>default</c> is <see cref="Auto"/>.
/// </summary>
[JsonConverter(typeof(ColumnWidthJsonConverter))]
public readonly record struct ColumnWidth
{
    private ColumnWidth(ColumnWidthKind kind, int value)
    {
        Kind = kind;
        Value = value;
    }

    /// <summary>As wide as the content.</summary>
    public static ColumnWidth Auto => new(ColumnWidthKind.Auto, 0);

    /// <summary>Shares the remaining width with the other stretched columns.</summary>
    public static ColumnWidth Stretch => new(ColumnWidthKind.Stretch, 0);

    public ColumnWidthKind Kind { get; }

    /// <summary>The pixels or the weight; 0 for <see cref="Auto"/> and <see cref="Stretch"/>.</summary>
    public int Value { get; }

    public static ColumnWidth Pixels(int pixels)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pixels);
        return new ColumnWidth(ColumnWidthKind.Pixels, pixels);
    }

    public static ColumnWidth Weight(int weight)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(weight);
        return new ColumnWidth(ColumnWidthKind.Weight, weight);
    }

    /// <summary>The schema text: "auto", "stretch", "50px" or "2".</summary>
    public override string ToString() => Kind switch
    {
        ColumnWidthKind.Stretch => "stretch",
        ColumnWidthKind.Pixels => Value.ToString(CultureInfo.InvariantCulture) + "px",
        ColumnWidthKind.Weight => Value.ToString(CultureInfo.InvariantCulture),
        _ => "auto",
    };
}

/// <summary>Writes keywords and pixels as strings and weights as numbers, as the schema expects.</summary>
internal sealed class ColumnWidthJsonConverter : JsonConverter<ColumnWidth>
{
    // Cards are only ever written by the bot; reading them back is not a use case.
    public override ColumnWidth Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("Card JSON is write-only.");

    public override void Write(Utf8JsonWriter writer, ColumnWidth value, JsonSerializerOptions options)
    {
        if (value.Kind == ColumnWidthKind.Weight)
        {
            writer.WriteNumberValue(value.Value);
        }
        else
        {
            writer.WriteStringValue(value.ToString());
        }
    }
}
