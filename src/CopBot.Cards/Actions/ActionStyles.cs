using System.Text.Json.Serialization;

namespace CopBot.Cards;

/// <summary>Button emphasis; the schema spells these in lower case.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ActionStyle>))]
public enum ActionStyle
{
    [JsonStringEnumMemberName("default")]
    Default,

    /// <summary>The primary, affirmative choice.</summary>
    [JsonStringEnumMemberName("positive")]
    Positive,

    /// <summary>A choice that deletes or cancels.</summary>
    [JsonStringEnumMemberName("destructive")]
    Destructive,
}

/// <summary>Which inputs an Execute or Submit action sends along.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AssociatedInputs>))]
public enum AssociatedInputs
{
    /// <summary>The inputs of this card and its parents are validated and sent (the default).</summary>
    [JsonStringEnumMemberName("auto")]
    Auto,

    /// <summary>No input is validated or sent, e.g. for a Cancel button.</summary>
    [JsonStringEnumMemberName("none")]
    None,
}
