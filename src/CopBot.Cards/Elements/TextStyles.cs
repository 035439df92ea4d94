using System.Text.Json.Serialization;

namespace CopBot.Cards;

// Text enums are written with the schema explorer's spelling ("Large", "Bolder", "Accent").
// Renderers match enum values case-insensitively; we still emit one canonical spelling.

[JsonConverter(typeof(JsonStringEnumConverter<TextSize>))]
public enum TextSize
{
    Default,
    Small,
    Medium,
    Large,
    ExtraLarge,
}

[JsonConverter(typeof(JsonStringEnumConverter<FontWeight>))]
public enum FontWeight
{
    Default,
    Lighter,
    Bolder,
}

[JsonConverter(typeof(JsonStringEnumConverter<TextColor>))]
public enum TextColor
{
    Default,
    Dark,
    Light,
    Accent,
    Good,
    Warning,
    Attention,
}
