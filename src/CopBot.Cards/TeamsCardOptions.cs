using System.Text.Json.Serialization;

namespace CopBot.Cards;

/// <summary>The card's <c>msteams</c> property: options only Teams reads.</summary>
public sealed record TeamsCardOptions
{
    /// <summary><c>{"width": "Full"}</c>: use the whole message width instead of the default bubble.</summary>
    public static TeamsCardOptions FullWidth { get; } = new() { Width = TeamsCardWidth.Full };

    public TeamsCardWidth? Width { get; init; }
}

[JsonConverter(typeof(JsonStringEnumConverter<TeamsCardWidth>))]
public enum TeamsCardWidth
{
    Full,
}
